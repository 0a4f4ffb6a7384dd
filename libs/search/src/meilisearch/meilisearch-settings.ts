import type { Settings } from 'meilisearch';
import { SearchFacet, SearchIndexName } from '../search-engine';
import { SEARCH_SYNONYMS } from '../search-synonyms';

/** Document field behind each facet. */
export const MEILI_FACET_FIELDS: Record<SearchFacet, string> = {
  region: 'regionCode',
  occupationFamily: 'occupationFamilies',
  skillLevel: 'skillLevel',
  priorityGroup: 'priorityGroups',
  workType: 'workTypes',
};

const SEARCHABLE: Record<SearchIndexName, string[]> = {
  seekers: ['name', 'occupationNames', 'skillNames', 'languages', 'searchTokens', 'pinyinInitials'],
  shortages: ['title', 'occupationNames', 'skillNames', 'employerName', 'description', 'trainingOffered', 'searchTokens', 'pinyinInitials'],
};

/** Fields whose text is Chinese: told to the tokenizer, as short Han queries are otherwise often taken for Japanese. */
const CHINESE: Record<SearchIndexName, string[]> = {
  seekers: ['name', 'occupationNames', 'skillNames', 'searchTokens'],
  shortages: ['title', 'occupationNames', 'skillNames', 'employerName', 'description', 'trainingOffered', 'searchTokens'],
};

/**
 * Index settings as code, applied by ensureIndex. Codes, skills and certificates are exact filter tags
 * (Meilisearch matches Chinese by word prefix only, so text search alone would miss 处理 in 待处理);
 * `searchTokens` carries our own jieba search-mode words for the same reason.
 */
export function meilisearchSettings(index: SearchIndexName): Settings {
  return {
    searchableAttributes: SEARCHABLE[index],
    filterableAttributes: [
      'id',
      'occupationTags',
      'regionTags',
      'skillNames',
      'certificateCodes',
      'skillLevel',
      'wageLow',
      'wageHigh',
      '_geo',
      ...Object.values(MEILI_FACET_FIELDS),
    ],
    sortableAttributes: ['id', 'wageLow', 'wageHigh', 'updatedAtMs', '_geo'],
    // `sort` first: an explicit sort (wage, date, distance) wins over text relevance, as in the PostgreSQL engine.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: Object.fromEntries(Object.entries(SEARCH_SYNONYMS).map(([word, synonyms]) => [word, [...synonyms]])),
    typoTolerance: { disableOnAttributes: ['pinyinInitials'], disableOnNumbers: true },
    localizedAttributes: [{ attributePatterns: CHINESE[index], locales: ['cmn'] }],
    pagination: { maxTotalHits: 100_000 },
    faceting: { maxValuesPerFacet: 1000 },
  };
}
