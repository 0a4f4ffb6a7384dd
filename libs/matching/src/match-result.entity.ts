import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';
import type { MatchExplanationRecord } from './match-explanation-record';

/** A recommendation: seeker on a shortage's shortlist, in one run's version of the results. */
@Entity('match_result')
@Index('match_result_seeker_idx', ['runId', 'seekerId'])
export class MatchResult {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @PrimaryColumn({ type: 'uuid' })
  seekerId: string;

  /** Deleting a seeker's account deletes their matches with it. */
  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  explanation: MatchExplanationRecord;
}
