import { EnqueuedTaskPromise, Index, Meilisearch, MeilisearchApiError, SearchResponse } from 'meilisearch';
import { distanceKm } from '@app/geocoding';
import { textFieldNames, textFields } from '../document-analysis';
import { highlightFields, marksToHtml } from '../highlight';
import { assertNoPersonalIdentifiers } from '../pii-guard';
import { highlightTerms, planQueryText, TermPlan } from '../query-text';
import {
  SEARCH_FACETS,
  SearchDocumentOf,
  SearchEngine,
  SearchEngineHealth,
  SearchHit,
  SearchIndexName,
  SearchQuery,
  SearchResult,
} from '../search-engine';
import { assertIndexName, normalizeQuery, NormalizedQuery } from '../search-query';
import { MARK_POST, MARK_PRE, meilisearchSearchParams, quote } from './meilisearch-query';
import { fromMeilisearchRecord, toMeilisearchRecord } from './meilisearch-record';
import { MEILI_FACET_FIELDS, meilisearchSettings } from './meilisearch-settings';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Prepended to index uids ('seekers' → '<prefix>seekers'); tests use a random one. */
  indexPrefix?: string;
  /** How long to wait for an indexing task, ms. */
  taskTimeoutMs?: number;
}

const BATCH_SIZE = 1000;

/**
 * Meilisearch adapter (production). Writes wait for their task, so a settled upsert or delete is searchable,
 * as with the PostgreSQL engine. Needs Meilisearch 1.15+ (string comparison in filters, for listIds).
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly taskTimeoutMs: number;

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey });
    this.prefix = options.indexPrefix ?? '';
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  async ensureIndex(name: SearchIndexName): Promise<void> {
    assertIndexName(name);
    const created = await this.client.createIndex(this.uid(name), { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') throw new Error(`Meilisearch: ${created.error?.message}`);
    await this.run(this.index(name).updateSettings(meilisearchSettings(name)));
  }

  async upsert<N extends SearchIndexName>(name: N, documents: readonly SearchDocumentOf<N>[]): Promise<void> {
    assertIndexName(name);
    assertNoPersonalIdentifiers(documents);
    // The last version of a repeated id wins, whatever order the batches are processed in.
    const unique = [...new Map(documents.map((d) => [d.id, d])).values()];
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < unique.length; i += BATCH_SIZE) {
      const records = unique.slice(i, i + BATCH_SIZE).map((doc) => toMeilisearchRecord(name, doc));
      // addDocuments replaces whole documents (updateDocuments would merge fields).
      tasks.push(this.index(name).addDocuments(records, { primaryKey: 'id' }));
    }
    // Enqueued together (Meilisearch batches them), then awaited in order.
    for (const task of tasks) await this.run(task);
  }

  async delete(name: SearchIndexName, ids: readonly string[]): Promise<void> {
    assertIndexName(name);
    if (ids.length > 0) await this.run(this.index(name).deleteDocuments([...ids]));
  }

  async get<N extends SearchIndexName>(name: N, id: string): Promise<SearchDocumentOf<N> | null> {
    assertIndexName(name);
    try {
      return fromMeilisearchRecord(await this.index(name).getDocument(id));
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'document_not_found') return null;
      throw error;
    }
  }

  async listIds(name: SearchIndexName, afterId?: string, limit = 1000): Promise<string[]> {
    assertIndexName(name);
    const response = await this.index(name).search('', {
      filter: afterId === undefined ? undefined : `id > ${quote(afterId)}`,
      sort: ['id:asc'],
      limit,
      attributesToRetrieve: ['id'],
    });
    // Checked again here: string comparison in filters has had false positives (meilisearch#6335).
    return response.hits.map((hit) => String(hit.id)).filter((id) => afterId === undefined || id > afterId);
  }

  async count(name: SearchIndexName): Promise<number> {
    assertIndexName(name);
    return (await this.index(name).getStats()).numberOfDocuments;
  }

  async search<N extends SearchIndexName>(name: N, input: SearchQuery): Promise<SearchResult<SearchDocumentOf<N>>> {
    assertIndexName(name);
    const query = normalizeQuery(input);
    const plans = planQueryText(query.q);
    const { q, params, pageMode } = meilisearchSearchParams(query, plans, textFieldNames(name));
    const index = this.index(name);
    const response: SearchResponse = await index.search(q, params);
    const total = pageMode
      ? (response.totalHits ?? 0)
      : ((await index.search(q, { filter: params.filter, matchingStrategy: 'all', hitsPerPage: 0, page: 1 })).totalHits ?? 0);
    const facets: SearchResult<unknown>['facets'] = {};
    for (const facet of SEARCH_FACETS) {
      if (query.facets.includes(facet)) facets[facet] = { ...(response.facetDistribution?.[MEILI_FACET_FIELDS[facet]] ?? {}) };
    }
    return {
      hits: response.hits.map((hit) => this.toHit<N>(name, hit, query, plans)),
      total,
      facets,
      offset: query.offset,
      limit: query.limit,
    };
  }

  /** Nothing to do: each write's task is awaited, and Meilisearch keeps no statistics for a planner. */
  async settle(name: SearchIndexName): Promise<void> {
    assertIndexName(name);
  }

  async health(): Promise<SearchEngineHealth> {
    try {
      await this.client.health();
      return { engine: this.kind, status: 'up' };
    } catch (error) {
      return { engine: this.kind, status: 'down', message: (error as Error).message };
    }
  }

  private toHit<N extends SearchIndexName>(name: N, raw: Record<string, any>, query: NormalizedQuery, plans: TermPlan[]): SearchHit<SearchDocumentOf<N>> {
    const document = fromMeilisearchRecord<SearchDocumentOf<N>>(raw);
    const hit: SearchHit<SearchDocumentOf<N>> = { id: String(document.id), document };
    if (typeof raw._rankingScore === 'number') hit.score = raw._rankingScore;
    if (query.near && document.lat !== null && document.lng !== null) {
      hit.distanceKm = Math.round(distanceKm(query.near, { lat: document.lat, lng: document.lng }) * 1000) / 1000;
    }
    if (plans.length > 0) {
      const highlight = markedHighlight(raw._formatted) ?? highlightFields(textFields(name, document), highlightTerms(plans));
      if (highlight) hit.highlight = highlight;
    }
    return hit;
  }

  private uid(name: SearchIndexName): string {
    return `${this.prefix}${name}`;
  }

  private index(name: SearchIndexName): Index {
    return this.client.index(this.uid(name));
  }

  private async run(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: this.taskTimeoutMs });
    if (done.status !== 'succeeded') throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? ''}`);
  }
}

/**
 * Meilisearch's own highlight, where it marked something. It matches by word prefix, so a suffix match
 * (处理 inside 待处理, found through searchTokens) leaves no mark: the caller then falls back to ours.
 */
function markedHighlight(formatted: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!formatted) return undefined;
  const highlight: Record<string, string> = {};
  for (const [field, value] of Object.entries(formatted)) {
    if (field === 'searchTokens' || field === 'pinyinInitials') continue;
    const text = Array.isArray(value) ? value.join('、') : typeof value === 'string' ? value : '';
    if (text.includes(MARK_PRE)) highlight[field] = marksToHtml(text, MARK_PRE, MARK_POST);
  }
  return Object.keys(highlight).length > 0 ? highlight : undefined;
}
