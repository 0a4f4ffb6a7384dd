import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One event planning per match run: a repeated planning job for the same run proposes nothing twice. */
@Entity('event_planning')
export class EventPlanning {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @Column({ type: 'int', default: 0 })
  proposals: number;

  @Column({ type: 'int', default: 0 })
  unmetShortages: number;

  /** Unmet shortages sent to direct referral (too small for any event). */
  @Column({ type: 'int', default: 0 })
  referrals: number;

  @CreateDateColumn({ type: 'timestamptz' })
  plannedAt: Date;
}
