import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditResult = 'success' | 'denied' | 'failed';

/**
 * One row per mutating request and per denied access. Rows cannot be updated, and cannot be deleted
 * before they are 180 days old: a trigger in the migration enforces it for every database role.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_user_idx', ['userId', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  /** HTTP method and route pattern, e.g. `POST /api/employers/:id/pairings`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  objectType: string | null;

  @Column({ type: 'text', nullable: true })
  objectId: string | null;

  @Column({ type: 'text' })
  result: AuditResult;

  @Column({ type: 'int' })
  statusCode: number;

  @Column({ type: 'text', nullable: true })
  sourceIp: string | null;
}
