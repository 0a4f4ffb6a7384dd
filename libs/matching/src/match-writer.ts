import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { explanationJson, gapsOfPair, ScoredPair } from './block-scoring';

const CHUNK = 2000;

/**
 * Holds off seeker deletions until the transaction commits (shared: writers do not wait for each other). A statement
 * after it sees every deletion committed before, so a pair it writes only for an existing seeker cannot outlive its
 * seeker: the deletion, waiting for this lock, then erases it (migration MatchPairsErasedWithSeeker…). The first
 * statement of a transaction that writes recommendations or referrals: taken after a row lock on a pair, it could
 * deadlock with a deletion that holds this lock and waits for that row.
 */
export async function lockPairWrites(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT match_pairs_write_lock()`);
}

/**
 * A run's scratch pairs through COPY (text format), in slices of CHUNK lines: a full run writes millions, and COPY
 * spares both the array literals of an unnest() insert and their parsing. No ON CONFLICT: a shard's pairs are
 * written once, in the transaction that records the shard as done (MatchRunsService.scoreShard).
 */
export async function insertCandidates(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  await copyLines(manager, 'COPY match_candidate (run_id, shortage_id, seeker_id, score, kind, explanation) FROM STDIN', pairs, (p) =>
    `${runId}\t${p.shortageId}\t${p.seekerId}\t${p.score}\t${p.kind}\t${copyText(explanationJson(p))}\n`,
  );
}

/**
 * A full run's training referrals through COPY, written once like its scratch pairs (same transaction as the shard's
 * marker). A referral of a seeker deleted since the shard read them is removed by finalize (`sweepErasedReferrals`).
 */
export async function copyReferrals(
  manager: EntityManager,
  runId: string,
  pairs: ScoredPair[],
  shortages: Map<string, { occupationCode: string; regionCode: string }>,
): Promise<void> {
  await copyLines(manager, 'COPY training_referral (run_id, shortage_id, seeker_id, occupation_code, region_code, score, gaps) FROM STDIN', pairs, (p) => {
    const shortage = shortages.get(p.shortageId)!;
    return `${runId}\t${p.shortageId}\t${p.seekerId}\t${copyText(shortage.occupationCode)}\t${copyText(shortage.regionCode)}\t${p.score}\t${copyText(JSON.stringify(gapsOfPair(p)))}\n`;
  });
}

/** A run's referrals whose seeker was deleted after a shard read them; under `lockPairWrites`. */
export async function sweepErasedReferrals(manager: EntityManager, runId: string): Promise<void> {
  await manager.query(`DELETE FROM training_referral t WHERE t.run_id = $1 AND NOT EXISTS (SELECT 1 FROM seeker p WHERE p.id = t.seeker_id)`, [runId]);
}

/** Recommendations, in a transaction that began with `lockPairWrites`; a seeker deleted since the pairs were scored is skipped. */
export async function insertResults(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO match_result (run_id, shortage_id, seeker_id, score, explanation)
       SELECT $1, r.* FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::json[]) AS r(shortage_id, seeker_id, score, explanation)
       WHERE EXISTS (SELECT 1 FROM seeker p WHERE p.id = r.seeker_id)
       ON CONFLICT (run_id, shortage_id, seeker_id) DO UPDATE SET score = excluded.score, explanation = excluded.explanation`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map(explanationJson)],
    );
  }
}

/**
 * Near-fit pairs become training referrals, in a transaction that began with `lockPairWrites`; occupation and region
 * come from the shortage. A seeker deleted since the pairs were scored is skipped.
 */
export async function insertReferrals(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO training_referral (run_id, shortage_id, seeker_id, occupation_code, region_code, score, gaps)
       SELECT $1, r.shortage_id, r.seeker_id, s.occupation_code, s.region_code, r.score, r.gaps
       FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::jsonb[]) AS r(shortage_id, seeker_id, score, gaps)
       JOIN shortage s ON s.id = r.shortage_id
       WHERE EXISTS (SELECT 1 FROM seeker p WHERE p.id = r.seeker_id)
       ON CONFLICT (run_id, shortage_id, seeker_id) DO UPDATE SET score = excluded.score, gaps = excluded.gaps`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map((p) => JSON.stringify(gapsOfPair(p)))],
    );
  }
}

/** COPY's text format escapes with a backslash; JSON and codes hold no tab or newline of their own (JSON escapes them). */
const copyText = (text: string) => text.replace(/\\/g, '\\\\');

/** Rows through one COPY in the manager's transaction, sent CHUNK lines at a time. */
async function copyLines<T>(manager: EntityManager, sql: string, rows: T[], line: (row: T) => string): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('a COPY of run pairs runs in the transaction that marks the shard');
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => copy.on('error', reject).on('finish', resolve));
  for (let start = 0; start < rows.length; start += CHUNK) {
    let lines = '';
    for (let k = start; k < Math.min(start + CHUNK, rows.length); k++) lines += line(rows[k]);
    if (!copy.write(lines)) await once(copy, 'drain');
  }
  copy.end();
  await done;
}
