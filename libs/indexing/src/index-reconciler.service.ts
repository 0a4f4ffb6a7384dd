import { Inject, Injectable } from '@nestjs/common';
import { ShortageReads } from '@app/employer-demand';
import { SEARCH_ENGINE, SearchEngine, SearchIndexName } from '@app/search';
import { SeekerReads } from '@app/seeker-pool';
import { IndexSyncFailure, IndexSyncService } from './index-sync.service';

export interface ReconcileReport {
  index: SearchIndexName;
  expected: number;
  missing: number;
  stale: number;
  orphans: number;
  /** Records whose document could not be written (each is out of the index until fixed); the rest were done. */
  failures: IndexSyncFailure[];
}

export type Progress = (done: number, total: number) => void;

const BATCH = 500;

/**
 * Finds and repairs drift between PostgreSQL and a search index: missing documents, stale ones (older than the
 * record) and orphans (documents whose record is gone or no longer searchable). Also rebuilds an index.
 */
@Injectable()
export class IndexReconcilerService {
  constructor(
    private readonly seekerReads: SeekerReads,
    private readonly shortageReads: ShortageReads,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly sync: IndexSyncService,
  ) {}

  async reconcile(index: SearchIndexName, progress: Progress = () => undefined): Promise<ReconcileReport> {
    await this.engine.ensureIndex(index);
    const rows = await this.searchVersions(index);
    const expected = new Map(rows.map((row) => [row.id, row.updatedAt.toISOString()]));
    const indexed = new Set<string>();
    const repair: string[] = [];
    let missing = 0;
    let stale = 0;
    let orphans = 0;

    for (let after: string | undefined; ; ) {
      const ids = await this.engine.listIds(index, after, BATCH);
      if (ids.length === 0) break;
      after = ids[ids.length - 1];
      const orphanIds: string[] = [];
      for (const id of ids) {
        indexed.add(id);
        if (!expected.has(id)) orphanIds.push(id);
      }
      for (const id of ids.filter((id) => expected.has(id))) {
        const document = await this.engine.get(index, id);
        if (!document || document.updatedAt !== expected.get(id)) {
          stale += 1;
          repair.push(id);
        }
      }
      if (orphanIds.length) await this.engine.delete(index, orphanIds);
      orphans += orphanIds.length;
    }
    for (const id of expected.keys()) {
      if (!indexed.has(id)) {
        missing += 1;
        repair.push(id);
      }
    }
    const failures = await this.syncInBatches(index, repair, progress);
    return { index, expected: expected.size, missing, stale, orphans, failures };
  }

  /** Re-writes every document from PostgreSQL and removes the rest. */
  async rebuild(index: SearchIndexName, progress: Progress = () => undefined): Promise<ReconcileReport> {
    await this.engine.ensureIndex(index);
    const rows = await this.searchVersions(index);
    const expected = new Set(rows.map((row) => row.id));
    let orphans = 0;
    for (let after: string | undefined; ; ) {
      const ids = await this.engine.listIds(index, after, BATCH);
      if (ids.length === 0) break;
      after = ids[ids.length - 1];
      const orphanIds = ids.filter((id) => !expected.has(id));
      if (orphanIds.length) await this.engine.delete(index, orphanIds);
      orphans += orphanIds.length;
    }
    const failures = await this.syncInBatches(index, [...expected], progress);
    await this.engine.settle(index);
    return { index, expected: expected.size, missing: 0, stale: 0, orphans, failures };
  }

  /** What PostgreSQL says the index should hold: ids with their last change. */
  private searchVersions(index: SearchIndexName): Promise<{ id: string; updatedAt: Date }[]> {
    return index === 'seekers' ? this.seekerReads.searchVersions() : this.shortageReads.searchVersions();
  }

  /**
   * Never stops at one record: the sync reports records it could not index, and a batch that throws anyway
   * is retried one record at a time, each failure reported with the rest carried on.
   */
  private async syncInBatches(index: SearchIndexName, ids: string[], progress: Progress): Promise<IndexSyncFailure[]> {
    const sync = (batch: string[]) => (index === 'seekers' ? this.sync.syncSeekers(batch) : this.sync.syncShortages(batch));
    const failures: IndexSyncFailure[] = [];
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      try {
        failures.push(...(await sync(batch)));
      } catch {
        for (const id of batch) {
          try {
            failures.push(...(await sync([id])));
          } catch (error) {
            failures.push({ id, reason: (error as Error).message });
          }
        }
      }
      progress(Math.min(start + BATCH, ids.length), ids.length);
    }
    return failures;
  }
}
