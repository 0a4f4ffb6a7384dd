import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ReferralCause } from './planning';

/**
 * 直接推荐: an unmet shortage too small for any event in a planning; its best candidates were sent to the
 * employer. The station staff see these beside the proposals, so they know the demand was not dropped.
 */
@Entity('event_referral')
export class EventReferral {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @Column({ type: 'uuid' })
  employerId: string;

  /** Best first. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  seekerIds: string[];

  @Column({ type: 'text' })
  cause: ReferralCause;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
