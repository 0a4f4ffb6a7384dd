import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shortage, ShortageStatus } from './shortage.entity';

/** Every status change of a shortage, with who made it and why. */
@Entity('shortage_transition')
@Index('shortage_transition_shortage_idx', ['shortageId', 'at'])
export class ShortageTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  shortageId: string;

  @ManyToOne(() => Shortage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shortage_id' })
  shortage?: Shortage;

  @Column({ type: 'text', nullable: true })
  fromStatus: ShortageStatus | null;

  @Column({ type: 'text' })
  toStatus: ShortageStatus;

  @Column({ type: 'text' })
  reason: string;

  /** The user who made the change; null for the system (screen, expiry, hires). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
