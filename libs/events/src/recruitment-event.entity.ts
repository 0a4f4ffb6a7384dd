import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlanningReason } from './planning';
import { Station } from './station.entity';

export const EVENT_TYPES = ['on_site', 'live_stream', 'hybrid'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** proposed → accepted (scheduled) → published → completed; or rejected (with a reason) / cancelled. */
export const EVENT_STATUSES = ['proposed', 'accepted', 'published', 'completed', 'rejected', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export type EventOrigin = 'planned' | 'manual';

/** 招聘对接活动: a targeted recruitment event at a station, proposed by the planner or created by staff. */
@Entity('recruitment_event')
@Index('recruitment_event_station_date_idx', ['stationId', 'date'])
@Index('recruitment_event_status_date_idx', ['status', 'date'])
/** One scheduled event per station per day (the service checks first; this index settles simultaneous requests). */
@Index('recruitment_event_station_day_key', ['stationId', 'date'], { unique: true, where: "status IN ('accepted', 'published')" })
@Index('recruitment_event_run_key', ['sourceRunId', 'stationId', 'date', 'occupationFamily'], { unique: true, where: 'source_run_id IS NOT NULL' })
export class RecruitmentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  stationId: string;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Station;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  type: EventType;

  @Column({ type: 'text' })
  status: EventStatus;

  @Column({ type: 'text' })
  origin: EventOrigin;

  /** The day in Asia/Shanghai. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Occupation minor group ('4-10-01'), when the event targets one. */
  @Column({ type: 'text', nullable: true })
  occupationFamily: string | null;

  /** Every occupation family of the event: several for a 综合招聘会. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  occupationFamilies: string[];

  /** Most registrants (people at once). */
  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  headcountAddressed: number;

  @Column({ type: 'int', default: 0 })
  expectedAttendance: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons: PlanningReason[];

  /** The match run whose results the proposal was planned from. */
  @Column({ type: 'uuid', nullable: true })
  sourceRunId: string | null;

  /** The public description seekers and employers read (jobs, wages, employers, place, what to bring); the staff read `reasons`. */
  @Column({ type: 'text', default: '' })
  description: string;

  /** Live-stream address (直播带岗), for live_stream and hybrid events. */
  @Column({ type: 'text', nullable: true })
  streamUrl: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reminderSentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
