import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work that must follow a write. Written in the same transaction as the change it describes and relayed
 * to BullMQ by the matcher, so a crash or a Redis restart loses nothing.
 */
@Entity('outbox_event')
@Index('outbox_event_unsent_idx', ['id'], { where: 'sent_at IS NULL' })
@Index('outbox_event_unprocessed_idx', ['sentAt'], { where: 'processed_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** What happened, e.g. `employer.changed`; the queue contract maps topics to queues. */
  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  aggregateId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Set when the job completed. A row sent long ago and still unprocessed is sent again. */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
