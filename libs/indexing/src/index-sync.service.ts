import { Inject, Injectable, Logger } from '@nestjs/common';
import { Employer, isLive, ShortageReads } from '@app/employer-demand';
import { SEARCH_ENGINE, SearchDocumentOf, SearchDocumentRejectedError, SearchEngine, SearchIndexName } from '@app/search';
import { SeekerReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { seekerDocument, shortageDocument } from './search-documents';

/** A record whose document could not be written; its old document, if any, was removed from the index. */
export interface IndexSyncFailure {
  id: string;
  reason: string;
}

/**
 * Makes the search indexes say what PostgreSQL says, one record at a time. Every method re-reads the record, so
 * it is idempotent and order-insensitive: a late or repeated job writes the current truth, never a stale copy.
 *
 * One record never holds the others back and never leaves a stale document behind: a record whose document
 * cannot be built, or that the engine refuses, is taken out of the index, logged and returned as a failure
 * (a missing document is safe; a stale one may show priority groups after consent was withdrawn). Only engine
 * or database errors throw (the job is retried).
 */
@Injectable()
export class IndexSyncService {
  private readonly logger = new Logger('IndexSync');

  constructor(
    private readonly seekerReads: SeekerReads,
    private readonly shortageReads: ShortageReads,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly taxonomy: Taxonomy,
  ) {}

  private readonly ensured = new Map<SearchIndexName, Promise<void>>();

  async syncSeekers(ids: string[]): Promise<IndexSyncFailure[]> {
    await this.ensureIndex('seekers');
    const seekers = await this.seekerReads.forSearch(ids);
    const present = new Set(seekers.map((seeker) => seeker.id));
    const failures = await this.write('seekers', seekers, (seeker) => seekerDocument(seeker, this.taxonomy));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length) await this.engine.delete('seekers', gone);
    return failures;
  }

  /** Open shortages are indexed for job search; anything else (draft, filled, closed, deleted) is removed. */
  async syncShortages(ids: string[]): Promise<IndexSyncFailure[]> {
    await this.ensureIndex('shortages');
    const shortages = await this.shortageReads.forSearch(ids);
    const live = shortages.filter((shortage) => isLive(shortage.status));
    const failures = await this.write('shortages', live, (s) => shortageDocument(s, s.employer as Employer, this.taxonomy));
    const liveIds = new Set(live.map((shortage) => shortage.id));
    const gone = ids.filter((id) => !liveIds.has(id));
    if (gone.length) await this.engine.delete('shortages', gone);
    return failures;
  }

  /** An employer's name appears in its shortages' documents. */
  async syncEmployer(employerId: string): Promise<IndexSyncFailure[]> {
    const ids = await this.shortageReads.idsOfEmployer(employerId);
    const failures: IndexSyncFailure[] = [];
    for (let start = 0; start < ids.length; start += 500) failures.push(...(await this.syncShortages(ids.slice(start, start + 500))));
    return failures;
  }

  private async write<N extends SearchIndexName, R extends { id: string }>(
    name: N,
    records: R[],
    toDocument: (record: R) => SearchDocumentOf<N>,
  ): Promise<IndexSyncFailure[]> {
    const failures: IndexSyncFailure[] = [];
    const documents: SearchDocumentOf<N>[] = [];
    for (const record of records) {
      try {
        documents.push(toDocument(record));
      } catch (error) {
        failures.push({ id: record.id, reason: `document could not be built: ${(error as Error).message}` });
      }
    }
    for (const document of documents) {
      if (document.redactedFields?.length) {
        // Field names only: the text itself holds the number.
        this.logger.warn(`${name} document ${document.id}: ${document.redactedFields.join(', ')} held an ID or phone number and was left out of the index`);
      }
    }
    if (documents.length) failures.push(...(await this.upsertEach(name, documents)));
    if (failures.length) {
      await this.engine.delete(name, failures.map((failure) => failure.id));
      for (const failure of failures) this.logger.error(`${name} document ${failure.id} removed from the index: ${failure.reason}`);
    }
    return failures;
  }

  /** The batch first; if the engine refuses it, each document alone, so one refusal does not hold back the rest. */
  private async upsertEach<N extends SearchIndexName>(name: N, documents: SearchDocumentOf<N>[]): Promise<IndexSyncFailure[]> {
    try {
      await this.engine.upsert(name, documents);
      return [];
    } catch (error) {
      if (!(error instanceof SearchDocumentRejectedError)) throw error;
    }
    const failures: IndexSyncFailure[] = [];
    for (const document of documents) {
      try {
        await this.engine.upsert(name, [document]);
      } catch (error) {
        if (!(error instanceof SearchDocumentRejectedError)) throw error;
        failures.push({ id: document.id, reason: `refused by the search engine (${error.fields.join(', ')})` });
      }
    }
    return failures;
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
