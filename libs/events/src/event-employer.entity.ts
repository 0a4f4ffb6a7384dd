import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Employer } from '@app/employer-demand';
import { RecruitmentEvent } from './recruitment-event.entity';

export const EMPLOYER_INVITATION_STATUSES = ['pending', 'invited', 'accepted', 'declined'] as const;
export type EmployerInvitationStatus = (typeof EMPLOYER_INVITATION_STATUSES)[number];

/** An employer taking part in an event: its booth and the shortages it recruits for there. */
@Entity('event_employer')
// GIN over shortage_ids: which events recruit for a page of jobs (see the migration).
@Index('event_employer_shortage_ids_idx', { synchronize: false })
export class EventEmployer {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RecruitmentEvent;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  /** Booth label or number, e.g. 'A3'. */
  @Column({ type: 'text', nullable: true })
  booth: string | null;

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  shortageIds: string[];

  @Column({ type: 'text', default: 'pending' })
  invitationStatus: EmployerInvitationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  smsSentAt: Date | null;
}
