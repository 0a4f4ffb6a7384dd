import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '@app/auth';
import { Seeker } from '@app/seeker-pool';
import { RecruitmentEvent } from './recruitment-event.entity';

/** What happened at the booth, in order: talked → intention → interview → offer → hire. */
export const OUTCOME_STAGES = ['talked', 'intention', 'interview', 'offer', 'hire'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export interface OutcomeStep {
  stage: OutcomeStage;
  at: string;
  actorId: string;
  role: Role;
  note?: string;
}

/** The furthest stage an employer and a seeker reached at an event, for one shortage, with every step. */
@Entity('event_outcome')
@Index('event_outcome_key', ['eventId', 'seekerId', 'shortageId'], { unique: true })
export class EventOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: RecruitmentEvent;

  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'uuid' })
  seekerId: string;

  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'uuid' })
  shortageId: string;

  @Column({ type: 'text' })
  stage: OutcomeStage;

  /** The application the outcome flowed into (from intention on). */
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  history: OutcomeStep[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
