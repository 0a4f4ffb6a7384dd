import { Column, Entity, Index } from 'typeorm';
import type { CompactGap, MatchGap } from './core';
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

  /** Compact gaps (a certificate by code; its name is added when read); rows written before format 2 hold rendered ones. */
  @Column({ type: 'jsonb' })
  gaps: (CompactGap | MatchGap)[];
}
