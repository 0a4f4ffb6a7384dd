import { planQueryText } from '../query-text';
import { normalizeQuery } from '../search-query';
import { meilisearchFilter, meilisearchSearchParams, meilisearchSort, quote } from './meilisearch-query';

/** The Meilisearch adapter runs against a real instance only when MEILI_URL is set; its translation is checked here always. */
describe('Meilisearch query translation', () => {
  it('translates every filter of the port', () => {
    const query = normalizeQuery({
      occupationCodes: ['4-10'],
      regionCodes: ['460100', '469021'],
      skills: ['生活照料', '基础护理'],
      certificates: ['SPO-1.2'],
      certificatesMatch: 'any',
      workTypes: ['full_time'],
      priorityGroups: ['veteran'],
      skillLevelMin: 3,
      wageMin: 4000,
      wageMax: 6000,
      near: { lat: 20.04, lng: 110.2, radiusKm: 12.5 },
    });
    expect(meilisearchFilter(query)).toEqual([
      'occupationTags IN ["4-10"]',
      'regionTags IN ["460100", "469021"]',
      'skillNames = "生活照料"',
      'skillNames = "基础护理"',
      'certificateCodes IN ["SPO-1.2"]',
      'workTypes IN ["full_time"]',
      'priorityGroups IN ["veteran"]',
      'skillLevel >= 3',
      'wageHigh >= 4000',
      'wageLow <= 6000',
      '_geoRadius(20.04, 110.2, 12500)',
    ]);
  });

  it('quotes values safely', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('sorts with an id tie-break, and leaves text relevance to the ranking rules', () => {
    const near = { lat: 20, lng: 110, radiusKm: 5 };
    expect(meilisearchSort(normalizeQuery({ near, sort: { by: 'distance' } }), false)).toEqual(['_geoPoint(20, 110):asc', 'id:asc']);
    expect(meilisearchSort(normalizeQuery({ sort: { by: 'wage' } }), false)).toEqual(['wageHigh:desc', 'id:asc']);
    expect(meilisearchSort(normalizeQuery({ sort: { by: 'wage', order: 'asc' } }), false)).toEqual(['wageLow:asc', 'id:asc']);
    expect(meilisearchSort(normalizeQuery({ sort: { by: 'date', order: 'asc' } }), false)).toEqual(['updatedAtMs:asc', 'id:asc']);
    expect(meilisearchSort(normalizeQuery({}), false)).toEqual(['updatedAtMs:desc', 'id:asc']);
    expect(meilisearchSort(normalizeQuery({ q: '电工' }), true)).toEqual([]);
  });

  it('segments the text like the index, and uses page mode when the offset is a multiple of the limit', () => {
    const query = normalizeQuery({ q: '养老护理员 hly', offset: 40, limit: 20, facets: ['region', 'workType'] });
    const { q, params, pageMode } = meilisearchSearchParams(query, planQueryText(query.q), ['title']);
    expect(q).toBe('养老 护理员 hly');
    expect(pageMode).toBe(true);
    expect(params).toMatchObject({ page: 3, hitsPerPage: 20, facets: ['regionCode', 'workTypes'], attributesToHighlight: ['title'], locales: ['cmn'] });
    const odd = meilisearchSearchParams(normalizeQuery({ offset: 3, limit: 2 }), [], ['title']);
    expect(odd.pageMode).toBe(false);
    expect(odd.params).toMatchObject({ offset: 3, limit: 2 });
    expect(odd.params.attributesToHighlight).toBeUndefined();
  });
});
