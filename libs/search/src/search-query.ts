import { SearchQueryError } from './search-errors';
import { SEARCH_FACETS, SEARCH_INDEXES, SearchFacet, SearchIndexName, SearchQuery, SearchSortField, SortOrder } from './search-engine';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Deep pages are for reconciliation (listIds), not search; Meilisearch caps them too. */
export const MAX_OFFSET = 10_000;

const DEFAULT_ORDER: Record<SearchSortField, SortOrder> = { relevance: 'desc', distance: 'asc', wage: 'desc', date: 'desc' };

/** A validated query with every default filled in. */
export interface NormalizedQuery extends Omit<SearchQuery, 'sort' | 'offset' | 'limit' | 'facets' | 'q'> {
  q: string;
  sort: { by: SearchSortField; order: SortOrder };
  offset: number;
  limit: number;
  facets: SearchFacet[];
}

export function assertIndexName(name: string): asserts name is SearchIndexName {
  if (!(SEARCH_INDEXES as readonly string[]).includes(name)) throw new SearchQueryError(`unknown search index "${name}"`);
}

export function normalizeQuery(query: SearchQuery): NormalizedQuery {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new SearchQueryError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new SearchQueryError(`offset must be an integer from 0 to ${MAX_OFFSET}`);
  const by = query.sort?.by ?? 'relevance';
  if (!(by in DEFAULT_ORDER)) throw new SearchQueryError(`unknown sort "${by}"`);
  if (by === 'distance' && !query.near) throw new SearchQueryError('sorting by distance needs `near`');
  if (query.near) {
    const { lat, lng, radiusKm } = query.near;
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && radiusKm > 0)) throw new SearchQueryError('near needs lat in [-90, 90], lng in [-180, 180] and radiusKm > 0');
  }
  for (const facet of query.facets ?? []) {
    if (!(SEARCH_FACETS as readonly string[]).includes(facet)) throw new SearchQueryError(`unknown facet "${facet}"`);
  }
  return {
    ...query,
    q: (query.q ?? '').trim(),
    sort: { by, order: query.sort?.order ?? DEFAULT_ORDER[by] },
    offset,
    limit,
    facets: [...new Set(query.facets ?? [])],
  };
}
