import { Column, Entity, Index } from 'typeorm';
import type { MatchGap } from './core';
import { RunPairColumns } from './run-pair.columns';

/** 培训推荐: a seeker who fits a shortage but for one or two missing skills or certificates. */
@Entity('training_referral')
@Index('training_referral_seeker_idx', ['runId', 'seekerId'])
export class TrainingReferral extends RunPairColumns {
  @Column({ type: 'text' })
  occupationCode: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  gaps: MatchGap[];
}
