import { SearchQueryError } from './search-errors';
import { normalizeQuery } from './search-query';

describe('normalizeQuery', () => {
  it('fills in defaults', () => {
    expect(normalizeQuery({ q: ' 电工 ' })).toMatchObject({ q: '电工', offset: 0, limit: 20, facets: [], sort: { by: 'relevance', order: 'desc' } });
    expect(normalizeQuery({ sort: { by: 'wage' } }).sort).toEqual({ by: 'wage', order: 'desc' });
    expect(normalizeQuery({ near: { lat: 20, lng: 110, radiusKm: 5 }, sort: { by: 'distance' } }).sort).toEqual({ by: 'distance', order: 'asc' });
  });

  it('refuses what cannot run', () => {
    expect(() => normalizeQuery({ sort: { by: 'distance' } })).toThrow(SearchQueryError);
    expect(() => normalizeQuery({ limit: 0 })).toThrow(/limit/);
    expect(() => normalizeQuery({ limit: 101 })).toThrow(/limit/);
    expect(() => normalizeQuery({ offset: -1 })).toThrow(/offset/);
    expect(() => normalizeQuery({ near: { lat: 95, lng: 110, radiusKm: 5 } })).toThrow(/near/);
    expect(() => normalizeQuery({ facets: ['salary' as never] })).toThrow(/facet/);
  });
});
