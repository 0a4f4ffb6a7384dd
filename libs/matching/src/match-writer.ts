import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';
import { explanationJson, gapsOfPair, ScoredPair } from './block-scoring';

const CHUNK = 2000;

/**
 * A run's scratch pairs through COPY (text format), in slices of CHUNK lines: a full run writes millions, and COPY
 * spares both the array literals of an unnest() insert and their parsing. No ON CONFLICT: a shard's pairs are
 * written once, in the transaction that records the shard as done (MatchRunsService.scoreShard).
 */
export async function insertCandidates(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('insertCandidates runs in the transaction that marks the shard');
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFrom('COPY match_candidate (run_id, shortage_id, seeker_id, score, kind, explanation) FROM STDIN'));
  const done = new Promise<void>((resolve, reject) => copy.on('error', reject).on('finish', resolve));
  for (let start = 0; start < pairs.length; start += CHUNK) {
    let lines = '';
    for (let k = start; k < Math.min(start + CHUNK, pairs.length); k++) {
      const p = pairs[k];
      // Ids are uuids, the kind a word and the score a number: only the JSON can hold a backslash (COPY's escape).
      lines += `${runId}\t${p.shortageId}\t${p.seekerId}\t${p.score}\t${p.kind}\t${explanationJson(p).replace(/\\/g, '\\\\')}\n`;
    }
    if (!copy.write(lines)) await once(copy, 'drain');
  }
  copy.end();
  await done;
}

export async function insertResults(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO match_result (run_id, shortage_id, seeker_id, score, explanation)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::json[])
       ON CONFLICT (run_id, shortage_id, seeker_id) DO UPDATE SET score = excluded.score, explanation = excluded.explanation`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map(explanationJson)],
    );
  }
}

/**
 * Near-fit pairs become training referrals; occupation and region come from the shortage. A seeker deleted since the
 * pairs were scored is skipped (a full run's shard writes pairs scored from facts read earlier).
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
