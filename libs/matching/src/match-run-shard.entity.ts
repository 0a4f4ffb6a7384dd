import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A shard of a full run that has been scored; its row commits with its pairs, so progress counts each shard once. */
@Entity('match_run_shard')
export class MatchRunShard {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  /** `<region code>:<occupation medium group>`. */
  @PrimaryColumn({ type: 'text' })
  shardKey: string;

  @Column({ type: 'int' })
  shortages: number;

  /** Eligible pairs written to `match_candidate` for allocation. */
  @Column({ type: 'int' })
  pairs: number;

  /** Near-fit pairs written to `training_referral` (they do not depend on allocation). */
  @Column({ type: 'int', default: 0 })
  referrals: number;

  @CreateDateColumn({ type: 'timestamptz' })
  finishedAt: Date;
}
