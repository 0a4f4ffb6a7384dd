import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MATCH_RUN_STATUSES = ['running', 'complete', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];
export type MatchRunTrigger = 'nightly' | 'admin' | 'startup' | 'baseline';

/**
 * One version of the match results. A full re-match scores every shard into `match_candidate`, then
 * allocates once over all of them; only when that finishes does the run become `complete` and what users
 * see. Incremental updates (a shortage or seeker changed) edit the latest complete run in place.
 */
@Entity('match_run')
@Index('match_run_status_idx', ['status', 'finishedAt'])
export class MatchRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: MatchRunStatus;

  @Column({ type: 'text' })
  trigger: MatchRunTrigger;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'int', default: 0 })
  shardsTotal: number;

  @Column({ type: 'int', default: 0 })
  shortagesScored: number;

  @Column({ type: 'int', default: 0 })
  pairsScored: number;

  @Column({ type: 'int', default: 0 })
  recommendations: number;

  @Column({ type: 'int', default: 0 })
  referrals: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
