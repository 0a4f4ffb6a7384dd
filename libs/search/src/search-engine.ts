import { SeekerSearchDocument, ShortageSearchDocument } from './documents';

/**
 * The search port. Two indexes: `seekers` (for officers and station staff) and `shortages` (open jobs, for
 * seekers). Adapters: PostgresSearchEngine (built in, default) and MeilisearchSearchEngine. Both pass the
 * shared contract suite (testing/search-engine.contract.ts). Writes are visible to reads once their promise settles.
 */
export interface SearchEngine {
  readonly kind: SearchEngineKind;
  /** Creates the index if needed and applies its settings (settings are code, not state). */
  ensureIndex(name: SearchIndexName): Promise<void>;
  /**
   * Inserts or replaces documents by id (idempotent). Throws SearchDocumentRejectedError, writing nothing,
   * when any document carries an ID number or a phone number.
   */
  upsert<N extends SearchIndexName>(name: N, documents: readonly SearchDocumentOf<N>[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  delete(name: SearchIndexName, ids: readonly string[]): Promise<void>;
  get<N extends SearchIndexName>(name: N, id: string): Promise<SearchDocumentOf<N> | null>;
  /** Ids in ascending (code point) order after `afterId`, at most `limit` (default 1000): for reconciliation. */
  listIds(name: SearchIndexName, afterId?: string, limit?: number): Promise<string[]>;
  search<N extends SearchIndexName>(name: N, query: SearchQuery): Promise<SearchResult<SearchDocumentOf<N>>>;
  count(name: SearchIndexName): Promise<number>;
  health(): Promise<SearchEngineHealth>;
  /**
   * After a bulk load (a rebuild): brings the engine's own index structures and planner statistics up to date, so
   * that searches right after it are as fast as they will be once the engine's background upkeep has run.
   */
  settle(name: SearchIndexName): Promise<void>;
}

/** Nest injection token for the configured SearchEngine. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

export type SearchEngineKind = 'postgres' | 'meilisearch';

export const SEARCH_INDEXES = ['seekers', 'shortages'] as const;
export type SearchIndexName = (typeof SEARCH_INDEXES)[number];

export interface SearchDocumentsByIndex {
  seekers: SeekerSearchDocument;
  shortages: ShortageSearchDocument;
}
export type SearchDocumentOf<N extends SearchIndexName> = SearchDocumentsByIndex[N];

export const SEARCH_FACETS = ['region', 'occupationFamily', 'skillLevel', 'priorityGroup', 'workType'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export type SearchSortField = 'relevance' | 'distance' | 'wage' | 'date';
export type SortOrder = 'asc' | 'desc';
export type TagMatch = 'any' | 'all';

export interface SearchQuery {
  /** Free text (Chinese, or pinyin initials such as 'hly'). Every whitespace-separated term must match. */
  q?: string;
  /** Any of these codes, at any level: '4', '4-10', '4-10-01' or '4-10-01-05'. */
  occupationCodes?: string[];
  /** Any of these regions; a city code ('460100') includes its districts. */
  regionCodes?: string[];
  /** Exact skill names; `skillsMatch` 'all' (default) or 'any'. */
  skills?: string[];
  skillsMatch?: TagMatch;
  /** Certificate codes; `certificatesMatch` 'all' (default) or 'any'. */
  certificates?: string[];
  certificatesMatch?: TagMatch;
  /** Any of these work types. */
  workTypes?: string[];
  /** Any of these priority groups (seekers index only). */
  priorityGroups?: string[];
  skillLevelMin?: number;
  /**
   * Monthly wage range, yuan. Seekers: the wage expectation lies in it. Shortages: the offered range
   * overlaps it (wageMin 5000 finds jobs that can pay 5000 or more).
   */
  wageMin?: number;
  wageMax?: number;
  /** Only documents within `radiusKm` of the point; hits then carry `distanceKm`. */
  near?: { lat: number; lng: number; radiusKm: number };
  facets?: SearchFacet[];
  /**
   * Default relevance (text score; without `q`, newest first). Default orders: distance asc, wage desc,
   * date desc. Wage sorts on the top of a shortage's range when descending and its bottom when ascending.
   * Ties are broken by id, so pages are stable.
   */
  sort?: { by: SearchSortField; order?: SortOrder };
  offset?: number;
  /** 1–100, default 20. */
  limit?: number;
}

export interface SearchHit<D> {
  id: string;
  /** Text relevance, higher is better; engine-specific scale. Present when the query has `q`. */
  score?: number;
  /** Present when the query has `near`. */
  distanceKm?: number;
  /** Field name → short HTML-escaped snippet with the matched terms in <em>…</em>. Present when the query has `q`. */
  highlight?: Record<string, string>;
  document: D;
}

export interface SearchResult<D> {
  hits: SearchHit<D>[];
  /** Every document matching the query (not only this page). */
  total: number;
  /** Requested facet → value → number of matching documents. */
  facets: Partial<Record<SearchFacet, Record<string, number>>>;
  offset: number;
  limit: number;
}

export interface SearchEngineHealth {
  engine: SearchEngineKind;
  status: 'up' | 'down';
  message?: string;
}
