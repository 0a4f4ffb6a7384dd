import { Column, Entity } from 'typeorm';
import type { StoredExplanation } from './match-explanation-record';
import { RunPairColumns } from './run-pair.columns';

/**
 * A scored pair written by one shard of a full re-match, before allocation. Shards write with
 * ON CONFLICT DO NOTHING, so a shard job that runs twice writes each pair once.
 */
@Entity('match_candidate')
export class MatchCandidate extends RunPairColumns {
  @Column({ type: 'double precision' })
  score: number;

  /** eligible: on the shortlist if allocation keeps it; near_fit: a training referral. */
  @Column({ type: 'text' })
  kind: 'eligible' | 'near_fit';

  @Column({ type: 'jsonb' })
  explanation: StoredExplanation;
}
