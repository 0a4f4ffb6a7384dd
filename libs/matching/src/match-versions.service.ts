import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';

/** Which version of the results users see: the latest complete run. */
@Injectable()
export class MatchVersions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async current(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT id FROM match_run WHERE status = 'complete' ORDER BY finished_at DESC, id LIMIT 1`);
    return row?.id ?? null;
  }

  /**
   * The current version, or an empty baseline version when no full run has completed yet, so that incremental
   * updates always have a version to write into. The advisory lock keeps concurrent first callers to one baseline.
   */
  async currentOrBaseline(): Promise<string> {
    const current = await this.current();
    if (current) return current;
    return this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('match_run_baseline'))`);
      const [row] = await manager.query(`SELECT id FROM match_run WHERE status = 'complete' ORDER BY finished_at DESC, id LIMIT 1`);
      if (row) return row.id as string;
      const [created] = await manager.query(
        `INSERT INTO match_run (status, trigger, finished_at) VALUES ('complete', 'baseline', now()) RETURNING id`,
      );
      return created.id as string;
    });
  }
}
