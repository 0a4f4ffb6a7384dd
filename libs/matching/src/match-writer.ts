import { EntityManager } from 'typeorm';
import { explanationJson, gapsOfPair, ScoredPair } from './block-scoring';

const CHUNK = 2000;

/** Bulk writes of scored pairs through unnest(): one statement per chunk, idempotent (ON CONFLICT DO NOTHING). */
export async function insertCandidates(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO match_candidate (run_id, shortage_id, seeker_id, score, kind, explanation)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::text[], $6::jsonb[])
       ON CONFLICT DO NOTHING`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map((p) => p.kind),
        chunk.map(explanationJson)],
    );
  }
}

export async function insertResults(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO match_result (run_id, shortage_id, seeker_id, score, explanation)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::jsonb[])
       ON CONFLICT (run_id, shortage_id, seeker_id) DO UPDATE SET score = excluded.score, explanation = excluded.explanation`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map(explanationJson)],
    );
  }
}

/** Near-fit pairs become training referrals; occupation and region come from the shortage. */
export async function insertReferrals(manager: EntityManager, runId: string, pairs: ScoredPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    await manager.query(
      `INSERT INTO training_referral (run_id, shortage_id, seeker_id, occupation_code, region_code, score, gaps)
       SELECT $1, r.shortage_id, r.seeker_id, s.occupation_code, s.region_code, r.score, r.gaps
       FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::jsonb[]) AS r(shortage_id, seeker_id, score, gaps)
       JOIN shortage s ON s.id = r.shortage_id
       ON CONFLICT (run_id, shortage_id, seeker_id) DO UPDATE SET score = excluded.score, gaps = excluded.gaps`,
      [runId, chunk.map((p) => p.shortageId), chunk.map((p) => p.seekerId), chunk.map((p) => p.score), chunk.map((p) => JSON.stringify(gapsOfPair(p)))],
    );
  }
}
