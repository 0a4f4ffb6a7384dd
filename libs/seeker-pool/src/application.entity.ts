import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { Seeker } from './seeker.entity';

export const APPLICATION_STATUSES = ['applied', 'viewed', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationStep {
  status: ApplicationStatus;
  at: string;
  actorId: string | null;
  note?: string;
}

/** 投递: a seeker's application to a shortage; one per seeker and shortage. */
@Entity('application')
@Index('application_seeker_shortage_key', ['seekerId', 'shortageId'], { unique: true })
@Index('application_shortage_idx', ['shortageId', 'status'])
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  seekerId: string;

  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'uuid' })
  shortageId: string;

  @ManyToOne(() => Shortage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shortage_id' })
  shortage?: Shortage;

  @Column({ type: 'text', default: 'applied' })
  status: ApplicationStatus;

  /** The seeker agreed to show their phone to the employer; until then it is masked. */
  @Column({ type: 'boolean', default: false })
  contactShared: boolean;

  /** When the employer's SMS about this new application was handed to the sender (null: none due or not yet). */
  @Column({ type: 'timestamptz', nullable: true })
  employerSmsAt: Date | null;

  /** Every status with its time and actor, oldest first. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  history: ApplicationStep[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
