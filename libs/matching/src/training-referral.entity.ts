import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';
import type { MatchGap } from './core';

/** 培训推荐: a seeker who fits a shortage but for one or two missing skills or certificates. */
@Entity('training_referral')
@Index('training_referral_seeker_idx', ['runId', 'seekerId'])
export class TrainingReferral {
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

  @Column({ type: 'text' })
  occupationCode: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  gaps: MatchGap[];
}
