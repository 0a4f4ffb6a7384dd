import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Employer, isLive, Shortage } from '@app/employer-demand';
import { SEARCH_ENGINE, SearchEngine, SearchIndexName } from '@app/search';
import { Seeker } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { seekerDocument, shortageDocument } from './search-documents';

/**
 * Makes the search indexes say what PostgreSQL says, one record at a time. Every method re-reads the record, so
 * it is idempotent and order-insensitive: a late or repeated job writes the current truth, never a stale copy.
 */
@Injectable()
export class IndexSyncService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly taxonomy: Taxonomy,
  ) {}

  private readonly ensured = new Map<SearchIndexName, Promise<void>>();

  async syncSeekers(ids: string[]): Promise<void> {
    await this.ensureIndex('seekers');
    const seekers = await this.dataSource.getRepository(Seeker).findBy({ id: In(ids) });
    const present = new Set(seekers.map((seeker) => seeker.id));
    if (seekers.length) await this.engine.upsert('seekers', seekers.map((seeker) => seekerDocument(seeker, this.taxonomy)));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length) await this.engine.delete('seekers', gone);
  }

  /** Open shortages are indexed for job search; anything else (draft, filled, closed, deleted) is removed. */
  async syncShortages(ids: string[]): Promise<void> {
    await this.ensureIndex('shortages');
    const shortages = await this.dataSource.getRepository(Shortage).find({ where: { id: In(ids) }, relations: { employer: true } });
    const live = shortages.filter((shortage) => isLive(shortage.status));
    if (live.length) await this.engine.upsert('shortages', live.map((s) => shortageDocument(s, s.employer as Employer, this.taxonomy)));
    const liveIds = new Set(live.map((shortage) => shortage.id));
    const gone = ids.filter((id) => !liveIds.has(id));
    if (gone.length) await this.engine.delete('shortages', gone);
  }

  /** An employer's name appears in its shortages' documents. */
  async syncEmployer(employerId: string): Promise<void> {
    const shortages = await this.dataSource.getRepository(Shortage).find({ where: { employerId }, select: { id: true } });
    for (let start = 0; start < shortages.length; start += 500) {
      await this.syncShortages(shortages.slice(start, start + 500).map((shortage) => shortage.id));
    }
  }

  /** Index settings are code: applied once per process, before the first write. */
  private ensureIndex(name: SearchIndexName): Promise<void> {
    if (!this.ensured.has(name)) {
      const ensuring = this.engine.ensureIndex(name).catch((error: unknown) => {
        this.ensured.delete(name);
        throw error;
      });
      this.ensured.set(name, ensuring);
    }
    return this.ensured.get(name)!;
  }
}
