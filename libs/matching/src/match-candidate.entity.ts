import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredExplanation } from './match-explanation-record';

/**
 * A scored pair written by one shard of a full re-match, before allocation. A shard's pairs are written (COPY) in
 * the transaction that records the shard as done, so a shard job that runs twice writes each pair once. No foreign
 * key to the seeker (run scratch space, millions of rows: migration MatchCandidateWithoutSeekerKey…); finalize reads
 * it joined to `seeker`.
 */
@Entity('match_candidate')
export class MatchCandidate {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @PrimaryColumn({ type: 'uuid' })
  seekerId: string;

  @Column({ type: 'double precision' })
  score: number;

  /** eligible: on the shortlist if allocation keeps it (a full run's near fits go straight to `training_referral`). */
  @Column({ type: 'text' })
  kind: 'eligible' | 'near_fit';

  /** json, not jsonb, like `match_result`'s: most pairs are never kept (migration MatchCandidateJsonExplanation…). */
  @Column({ type: 'json' })
  explanation: StoredExplanation;
}
