import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Clock } from '@app/clock';
import { OutboxService } from '@app/database';
import { unendedShortageSql } from './shortage-lifecycle';

/** Moves live shortages whose validity period has ended to `expired`, with a transition and an outbox row each. */
@Injectable()
export class ShortageExpiryService {
  constructor(
    private readonly clock: Clock,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Idempotent: a shortage expires once; running again finds nothing. Returns the ids expired. */
  async expireDue(today: string = this.clock.today()): Promise<string[]> {
    return this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [expired]: [{ id: string; from_status: string }[], number] = await manager.query(
        `UPDATE shortage s SET status = 'expired', updated_at = now()
         FROM (SELECT id, status FROM shortage WHERE ${unendedShortageSql()} AND deadline < $1 FOR UPDATE) due
         WHERE s.id = due.id
         RETURNING s.id, due.status AS from_status`,
        [today],
      );
      if (expired.length === 0) return [];
      await manager.query(
        `INSERT INTO shortage_transition (shortage_id, from_status, to_status, reason)
         SELECT (e->>'id')::uuid, e->>'from_status', 'expired', '招聘截止日期已过，自动下架' FROM jsonb_array_elements($1::jsonb) e`,
        [JSON.stringify(expired)],
      );
      await OutboxService.writeMany(manager, 'shortage.changed', expired.map((row) => row.id));
      return expired.map((row) => row.id);
    });
  }
}
