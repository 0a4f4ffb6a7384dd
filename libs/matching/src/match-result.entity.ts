import { Column, Entity, Index } from 'typeorm';
import type { StoredExplanation } from './match-explanation-record';
import { RunPairColumns } from './run-pair.columns';

/** A recommendation: seeker on a shortage's shortlist, in one run's version of the results. */
@Entity('match_result')
@Index('match_result_seeker_idx', ['runId', 'seekerId'])
export class MatchResult extends RunPairColumns {
  @Column({ type: 'double precision' })
  score: number;

  /** json, not jsonb: read whole, never queried into (migration MatchResultJsonExplanation…). */
  @Column({ type: 'json' })
  explanation: StoredExplanation;
}
