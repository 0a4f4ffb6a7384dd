import { Taxonomy } from './taxonomy';

const taxonomy = Taxonomy.shared();
const names = (query: string, limit?: number) => taxonomy.searchOccupations(query, limit).map((o) => o.name);

describe('searchOccupations', () => {
  it('finds by pinyin initials, whole or in part', () => {
    expect(names('ylhly')[0]).toBe('养老护理员');
    expect(names('hly')).toEqual(expect.arrayContaining(['养老护理员', '医疗护理员', '孤残儿童护理员']));
    expect(names('hly').slice(0, 3)).toContain('养老护理员'); // after 护林员, an exact match of the initials
    expect(names('HLY ')).toContain('养老护理员');
  });

  it('finds by full pinyin', () => {
    expect(names('yanglaohuli')).toEqual(['养老护理员']);
  });

  it('finds by name substring, ranked exact > prefix > contains', () => {
    expect(names('养老')).toContain('养老护理员');
    const found = names('电工', 50);
    expect(found).toEqual(expect.arrayContaining(['电工', '电工合金电触头制造工', '供用电工程技术人员']));
    const ranks = found.map((name) => (name === '电工' ? 0 : name.startsWith('电工') ? 1 : 2));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks[0]).toBe(0);
  });

  it('finds by code prefix, the exact code first, then in code order', () => {
    const found = taxonomy.searchOccupations('4-10-01').map((o) => o.code);
    expect(found).toEqual(['4-10-01', '4-10-01-01', '4-10-01-03', '4-10-01-04', '4-10-01-05', '4-10-01-06']);
    expect(taxonomy.searchOccupations('4-10-01-05')[0].name).toBe('养老护理员');
  });

  it('respects the limit and ignores empty queries', () => {
    expect(names('工', 5)).toHaveLength(5);
    expect(names('  ')).toEqual([]);
    expect(names('zzzzzz')).toEqual([]);
  });
});

describe('searchIndustries and searchCertificates (the same search)', () => {
  it('finds an industry by name, by pinyin initials and by code, whatever its case', () => {
    const byName = taxonomy.searchIndustries('养老');
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((i) => i.name.includes('养老'))).toBe(true);
    const first = taxonomy.industries('section')[0];
    expect(taxonomy.searchIndustries(first.code.toLowerCase())[0].code).toBe(first.code);
    expect(taxonomy.searchIndustries(first.code)[0].code).toBe(first.code);
    const sample = taxonomy.industries('class').find((i) => /^[\u4e00-\u9fa5]{4,}$/.test(i.name))!;
    expect(taxonomy.searchIndustries(sample.name, 50).map((i) => i.code)).toContain(sample.code);
  });

  it('finds certificates by code prefix (any case) and by name', () => {
    const some = taxonomy.certificates()[0];
    const prefix = some.code.slice(0, 5).toLowerCase();
    const found = taxonomy.searchCertificates(prefix, 500);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.code.toLowerCase().startsWith(prefix) || c.name.toLowerCase().includes(prefix))).toBe(true);
    expect(taxonomy.searchCertificates(some.name, 50).map((c) => c.code)).toContain(some.code);
    expect(taxonomy.searchCertificates('  ')).toEqual([]);
  });
});
