import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Notification } from './notification.entity';

export interface NotificationMessage {
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link?: string;
}

/**
 * The notification port's in-app inbox, written in the caller's transaction. `dedupeKey` makes sending
 * the same message twice (a retried job, a double click) a no-op.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async notify(userIds: string[], message: NotificationMessage, dedupeKey: string): Promise<number> {
    if (userIds.length === 0) return 0;
    const result = await this.repository
      .createQueryBuilder()
      .insert()
      .values(userIds.map((userId) => ({ userId, ...message, link: message.link ?? null, dedupeKey: `${dedupeKey}:${userId}` })))
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  inbox(userId: string, offset: number, limit: number, unreadOnly = false): Promise<[Notification[], number]> {
    const qb = this.repository
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .skip(offset)
      .take(limit);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getManyAndCount();
  }

  /** Marks the user's own notification read; returns false when there is no such notification of theirs. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.repository.update({ id, userId }, { readAt: () => 'coalesce(read_at, now())' } as never);
    return (result.affected ?? 0) > 0;
  }

  private get repository() {
    return this.txHost.tx.getRepository(Notification);
  }
}
