import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditLog } from './audit-log.entity';

export type AuditEntry = Omit<AuditLog, 'id' | 'at'>;

export interface AuditQuery {
  offset: number;
  limit: number;
  userId?: string;
  result?: AuditLog['result'];
  from?: Date;
  to?: Date;
  /**
   * Only rows written by these accounts: a condition over `app_user u` (from the scope policy's userScopeCondition).
   * Rows of anonymous requests have no account and are left out whenever a condition is given.
   */
  actors?: { sql: string; params: Record<string, unknown> };
}

@Injectable()
export class AuditService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Writes in the caller's transaction when there is one, so the row commits (or not) with the change. */
  async record(entry: AuditEntry): Promise<void> {
    await this.txHost.tx.insert(AuditLog, entry);
  }

  async list(query: AuditQuery): Promise<[AuditLog[], number]> {
    const qb = this.txHost.tx.getRepository(AuditLog).createQueryBuilder('a').orderBy('a.id', 'DESC');
    if (query.actors) qb.andWhere(`EXISTS (SELECT 1 FROM app_user u WHERE u.id = a.user_id AND ${query.actors.sql})`, query.actors.params);
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    if (query.result) qb.andWhere('a.result = :result', { result: query.result });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }
}
