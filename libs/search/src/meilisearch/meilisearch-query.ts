import type { SearchParams } from 'meilisearch';
import { TermPlan } from '../query-text';
import { NormalizedQuery } from '../search-query';
import { MEILI_FACET_FIELDS } from './meilisearch-settings';

/** Highlight marks that cannot occur in documents; turned into <em> after HTML escaping. */
export const MARK_PRE = '\u0001';
export const MARK_POST = '\u0002';

/** A filter value in double quotes, with quotes and backslashes escaped. */
export const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

const inList = (field: string, values: readonly string[]) => `${field} IN [${values.map(quote).join(', ')}]`;

/** The filter expressions (ANDed) for a query: the same semantics as the PostgreSQL WHERE. */
export function meilisearchFilter(query: NormalizedQuery): string[] {
  const filter: string[] = [];
  const any = (field: string, values?: string[]) => {
    if (values?.length) filter.push(inList(field, values));
  };
  const tags = (field: string, values: string[] | undefined, match: 'any' | 'all' = 'all') => {
    if (!values?.length) return;
    if (match === 'any') filter.push(inList(field, values));
    else for (const value of values) filter.push(`${field} = ${quote(value)}`);
  };
  any('occupationTags', query.occupationCodes);
  any('regionTags', query.regionCodes);
  tags('skillNames', query.skills, query.skillsMatch);
  tags('certificateCodes', query.certificates, query.certificatesMatch);
  any('workTypes', query.workTypes);
  any('priorityGroups', query.priorityGroups);
  if (query.skillLevelMin !== undefined) filter.push(`skillLevel >= ${Number(query.skillLevelMin)}`);
  if (query.wageMin !== undefined) filter.push(`wageHigh >= ${Number(query.wageMin)}`);
  if (query.wageMax !== undefined) filter.push(`wageLow <= ${Number(query.wageMax)}`);
  if (query.near) {
    const { lat, lng, radiusKm } = query.near;
    filter.push(`_geoRadius(${Number(lat)}, ${Number(lng)}, ${Math.round(Number(radiusKm) * 1000)})`);
  }
  return filter;
}

/** Sort expressions; ids break ties so pages are stable. Relevance with text uses Meilisearch's ranking. */
export function meilisearchSort(query: NormalizedQuery, hasText: boolean): string[] {
  const { by, order } = query.sort;
  switch (by) {
    case 'relevance':
      return hasText ? [] : ['updatedAtMs:desc', 'id:asc'];
    case 'distance':
      return [`_geoPoint(${Number(query.near!.lat)}, ${Number(query.near!.lng)}):${order}`, 'id:asc'];
    case 'wage':
      return [order === 'desc' ? 'wageHigh:desc' : 'wageLow:asc', 'id:asc'];
    case 'date':
      return [`updatedAtMs:${order}`, 'id:asc'];
  }
}

/**
 * The search request for one page. The text is pre-segmented with jieba, like the indexed `searchTokens`.
 * When the offset is a multiple of the limit, page mode gives an exhaustive total in the same request.
 */
export function meilisearchSearchParams(query: NormalizedQuery, plans: TermPlan[], highlightFields: string[]): { q: string; params: SearchParams; pageMode: boolean } {
  const q = plans.map((plan) => (plan.pinyin ? plan.term : plan.variants[0].words.join(' ') || plan.term)).join(' ');
  const pageMode = query.offset % query.limit === 0;
  const params: SearchParams = {
    filter: meilisearchFilter(query),
    sort: meilisearchSort(query, plans.length > 0),
    facets: query.facets.map((facet) => MEILI_FACET_FIELDS[facet]),
    matchingStrategy: 'all',
    showRankingScore: plans.length > 0,
    ...(/\p{Script=Han}/u.test(q) ? { locales: ['cmn'] } : {}),
    ...(pageMode ? { page: query.offset / query.limit + 1, hitsPerPage: query.limit } : { offset: query.offset, limit: query.limit }),
    ...(plans.length > 0
      ? { attributesToHighlight: highlightFields, highlightPreTag: MARK_PRE, highlightPostTag: MARK_POST, attributesToCrop: ['description'], cropLength: 30 }
      : {}),
  };
  return { q, params, pageMode };
}
