import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';
import { RecruitmentEvent } from './recruitment-event.entity';

/**
 * invited (sent when invited_at is set; a planned invitee not yet sent has none) → registered (accepted or self-registered)
 * → attended / no_show / excused; or declined.
 */
export const ATTENDEE_STATUSES = ['invited', 'registered', 'attended', 'no_show', 'excused', 'declined'] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];

export const ATTENDEE_SOURCES = ['invitation', 'self', 'walk_in'] as const;
export type AttendeeSource = (typeof ATTENDEE_SOURCES)[number];

/** Statuses that take one of the event's places. */
export const SEAT_STATUSES: readonly AttendeeStatus[] = ['registered', 'attended'];

/** A seeker at an event: invitee, registrant or walk-in. One row per event and seeker. */
@Entity('event_attendee')
@Index('event_attendee_event_seeker_key', ['eventId', 'seekerId'], { unique: true })
@Index('event_attendee_seeker_idx', ['seekerId'])
export class EventAttendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RecruitmentEvent;

  @Column({ type: 'uuid' })
  seekerId: string;

  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  /** The shortage the seeker was invited for, when invited by the planner. */
  @Column({ type: 'uuid', nullable: true })
  shortageId: string | null;

  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  /** Belongs to a priority group, recorded only with the seeker's consent to sensitive matching. */
  @Column({ type: 'boolean', default: false })
  priorityGroup: boolean;

  @Column({ type: 'text' })
  status: AttendeeStatus;

  @Column({ type: 'text' })
  source: AttendeeSource;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitationExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  smsSentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  /** The last change of the event this person was told of ('cancelled' or 'moved:<new start>'): each is sent once. */
  @Column({ type: 'text', nullable: true })
  lastNotice: string | null;
}
