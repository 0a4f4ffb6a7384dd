import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@app/auth';
import { Employer } from './employer.entity';

/** 用工结对: an officer's standing responsibility for an enterprise, kept as history (ended, never deleted). */
@Entity('pairing')
@Index('pairing_active_key', ['officerId', 'employerId'], { unique: true, where: 'ended_at IS NULL' })
@Index('pairing_employer_idx', ['employerId'])
export class Pairing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The officer's user id. */
  @Column({ type: 'uuid' })
  officerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'officer_id' })
  officer?: User;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
