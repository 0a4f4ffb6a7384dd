import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One message in a user's in-app inbox (站内信), in Chinese and English. */
@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** What it is about, e.g. 'candidate.sent'. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  titleZh: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  bodyZh: string;

  @Column({ type: 'text' })
  bodyEn: string;

  /** The record it points to, e.g. `/api/shortages/<id>/candidates`; never personal data. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** Makes a repeated notification (a retried job, a repeated click) a no-op. */
  @Index('notification_dedupe_key', { unique: true })
  @Column({ type: 'text' })
  dedupeKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
