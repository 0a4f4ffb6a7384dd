/// <reference types="jest" />
// The build compiles libraries without test types; this test helper needs the Jest globals.
import { distanceKm } from '@app/geocoding';
import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { SeekerSearchDocument, ShortageSearchDocument } from '../documents';
import { HAIKOU, SEEKERS, SHORTAGES } from './search-engine.contract-fixtures';
import { SearchEngine, SearchIndexName, SearchQuery } from '../search-engine';
import { SearchDocumentRejectedError } from '../search-errors';

/**
 * The behaviour every SearchEngine adapter must have, run against a real engine by test/search/*.
 * Tests only (uses Jest globals). Expectations are derived from the fixtures by plain rules.
 */
export function describeSearchEngineContract(name: string, makeEngine: () => Promise<{ engine: SearchEngine; cleanup: () => Promise<void> }>): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;
    let cleanup: () => Promise<void>;

    const ids = async (index: SearchIndexName, query: SearchQuery) => (await engine.search(index, { limit: 100, ...query })).hits.map((h) => h.id).sort();
    const seekerIds = (keep: (d: SeekerSearchDocument) => boolean) => SEEKERS.filter(keep).map((d) => d.id).sort();
    const shortageIds = (keep: (d: ShortageSearchDocument) => boolean) => SHORTAGES.filter(keep).map((d) => d.id).sort();
    const extra = (id: string, changes: Partial<SeekerSearchDocument> = {}): SeekerSearchDocument => ({ ...SEEKERS[0], id, ...changes });

    beforeAll(async () => {
      ({ engine, cleanup } = await makeEngine());
      await engine.ensureIndex('seekers');
      await engine.ensureIndex('shortages');
      await engine.upsert('seekers', SEEKERS);
      await engine.upsert('shortages', SHORTAGES);
    });
    afterAll(() => cleanup?.());

    describe('documents', () => {
      it('upsert, get and count', async () => {
        expect(await engine.count('seekers')).toBe(SEEKERS.length);
        expect(await engine.count('shortages')).toBe(SHORTAGES.length);
        expect(await engine.get('seekers', 'seeker-03')).toEqual(SEEKERS[2]);
        expect(await engine.get('shortages', 'shortage-01')).toEqual(SHORTAGES[0]);
        expect(await engine.get('seekers', 'nobody')).toBeNull();
        expect(await engine.get('shortages', 'seeker-01')).toBeNull();
      });

      it('listIds pages through every id in ascending order', async () => {
        const seen: string[] = [];
        for (let page = await engine.listIds('seekers', undefined, 3); page.length > 0; page = await engine.listIds('seekers', seen.at(-1), 3)) {
          expect(page.length).toBeLessThanOrEqual(3);
          seen.push(...page);
        }
        expect(seen).toEqual(SEEKERS.map((d) => d.id).sort());
        expect(await engine.listIds('seekers', 'seeker-06')).toEqual(['seeker-07']);
      });

      it('upsert is idempotent and replaces the whole document; delete ignores unknown ids', async () => {
        await engine.upsert('seekers', [extra('seeker-90')]);
        await engine.upsert('seekers', [extra('seeker-90')]);
        expect(await engine.count('seekers')).toBe(SEEKERS.length + 1);
        await engine.upsert('seekers', [extra('seeker-90', { name: '赵敏', skills: [], skillNames: [] })]);
        expect(await engine.get('seekers', 'seeker-90')).toEqual(extra('seeker-90', { name: '赵敏', skills: [], skillNames: [] }));
        expect(await ids('seekers', { q: '赵敏' })).toEqual(['seeker-90']);

        await engine.delete('seekers', ['seeker-90', 'never-indexed']);
        expect(await engine.get('seekers', 'seeker-90')).toBeNull();
        expect(await engine.count('seekers')).toBe(SEEKERS.length);
        expect(await ids('seekers', { q: '赵敏' })).toEqual([]);
      });

      it('refuses, with a clear error and writing nothing, a document with an ID number or a phone number in it', async () => {
        const residentId = makeResidentId('460100', '1990-05-17', '123');
        const withPhone: ShortageSearchDocument = { ...SHORTAGES[0], id: 'shortage-pii', description: '有意者请致电 138 1234 5678 联系王经理' };
        const withId = extra('seeker-pii', { name: `张三${residentId}` });

        await expect(engine.upsert('shortages', [withPhone])).rejects.toThrow(SearchDocumentRejectedError);
        await expect(engine.upsert('shortages', [withPhone])).rejects.toThrow(/shortage-pii .*description contains an ID number or a phone number/);
        await expect(engine.upsert('seekers', [extra('seeker-ok'), withId])).rejects.toThrow(/seeker-pii .*name/);
        expect(await engine.get('shortages', 'shortage-pii')).toBeNull();
        expect(await engine.get('seekers', 'seeker-ok')).toBeNull();

        for (const doc of [...SEEKERS, ...SHORTAGES]) expect(findPersonalIdentifiers(JSON.stringify(doc))).toEqual([]);
      });
    });

    describe('exact tag filters', () => {
      it.each(['4', '4-10', '4-10-01', '4-10-01-05', '4-03-01-02', '6-31'])('occupation %s matches at every level', async (code) => {
        const expected = seekerIds((d) => d.occupationCodes.some((c) => c === code || c.startsWith(`${code}-`)));
        expect(expected.length).toBeGreaterThan(0);
        expect(await ids('seekers', { occupationCodes: [code] })).toEqual(expected);
      });

      it('several occupation codes match any of them', async () => {
        expect(await ids('seekers', { occupationCodes: ['4-10-01-05', '6-31-01-03'] })).toEqual(['seeker-01', 'seeker-04']);
      });

      it('a city code rolls up its districts; a district or county matches only itself', async () => {
        expect(await ids('seekers', { regionCodes: ['460100'] })).toEqual(seekerIds((d) => d.regionCode.startsWith('4601')));
        expect(await ids('seekers', { regionCodes: ['460200'] })).toEqual(['seeker-03', 'seeker-06']);
        expect(await ids('seekers', { regionCodes: ['460106'] })).toEqual(['seeker-01']);
        expect(await ids('seekers', { regionCodes: ['469021'] })).toEqual(['seeker-04']);
        expect(await ids('shortages', { regionCodes: ['460100'] })).toEqual(['shortage-01', 'shortage-04']);
      });

      it('skills are exact tags, all (default) or any', async () => {
        expect(await ids('seekers', { skills: ['基础护理'] })).toEqual(['seeker-01']);
        expect(await ids('seekers', { skills: ['生活照料', '基础护理'] })).toEqual(['seeker-01']);
        expect(await ids('seekers', { skills: ['生活照料', '热菜烹调'] })).toEqual([]);
        expect(await ids('seekers', { skills: ['生活照料', '热菜烹调'], skillsMatch: 'any' })).toEqual(['seeker-01', 'seeker-05']);
        expect(await ids('seekers', { skills: ['护理'] })).toEqual([]);
      });

      it('certificates, work types, priority groups and a minimum skill level', async () => {
        expect(await ids('seekers', { certificates: ['SKL-4-10-01-05'] })).toEqual(['seeker-01']);
        expect(await ids('seekers', { certificates: ['SPO-1.2', 'SKL-6-31-01-03'] })).toEqual(['seeker-04']);
        expect(await ids('seekers', { certificates: ['SPO-1.2', 'SKL-4-10-01-05'], certificatesMatch: 'any' })).toEqual(['seeker-01', 'seeker-04']);
        expect(await ids('seekers', { workTypes: ['part_time'] })).toEqual(seekerIds((d) => d.workTypes.includes('part_time')));
        expect(await ids('seekers', { priorityGroups: ['veteran', 'migrant_worker'] })).toEqual(['seeker-02', 'seeker-03']);
        expect(await ids('seekers', { skillLevelMin: 3 })).toEqual(seekerIds((d) => (d.skillLevel ?? 0) >= 3));
      });

      it('filters combine with AND', async () => {
        expect(await ids('seekers', { occupationCodes: ['4-10'], regionCodes: ['460100'], workTypes: ['full_time'] })).toEqual(['seeker-01', 'seeker-07']);
      });
    });

    describe('ranges, distance and sorting', () => {
      it('wage range: seekers by expectation, shortages by overlap with the offered range', async () => {
        expect(await ids('seekers', { wageMin: 4500, wageMax: 5200 })).toEqual(seekerIds((d) => d.wageExpectation! >= 4500 && d.wageExpectation! <= 5200));
        expect(await ids('shortages', { wageMin: 6000 })).toEqual(shortageIds((d) => d.wageMax >= 6000));
        expect(await ids('shortages', { wageMax: 5200 })).toEqual(shortageIds((d) => d.wageMin <= 5200));
      });

      it('geo radius keeps the documents within it, sorted by distance, with distanceKm', async () => {
        const radiusKm = 25;
        const result = await engine.search('seekers', { near: { ...HAIKOU, radiusKm }, sort: { by: 'distance' }, limit: 100 });
        const expected = SEEKERS.filter((d) => d.lat !== null && distanceKm(HAIKOU, { lat: d.lat, lng: d.lng! }) <= radiusKm);
        expect(result.hits.map((h) => h.id).sort()).toEqual(expected.map((d) => d.id).sort());
        expect(result.total).toBe(expected.length);
        const distances = result.hits.map((h) => h.distanceKm!);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        for (const hit of result.hits) {
          expect(hit.distanceKm!).toBeCloseTo(distanceKm(HAIKOU, { lat: hit.document.lat!, lng: hit.document.lng! }), 1);
          expect(hit.distanceKm!).toBeLessThanOrEqual(radiusKm);
        }
        const farthestFirst = await engine.search('seekers', { near: { ...HAIKOU, radiusKm }, sort: { by: 'distance', order: 'desc' } });
        expect(farthestFirst.hits.map((h) => h.id)).toEqual(result.hits.map((h) => h.id).reverse());
      });

      it('geo radius combines with a region filter', async () => {
        const inRegion = seekerIds((d) => d.regionTags.includes('460100'));
        const expected = seekerIds((d) => d.regionTags.includes('460100') && d.lat !== null && distanceKm(HAIKOU, { lat: d.lat, lng: d.lng! }) <= 8);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(inRegion.length);
        expect(await ids('seekers', { regionCodes: ['460100'], near: { ...HAIKOU, radiusKm: 8 } })).toEqual(expected);
      });

      it('sorts by wage and by date, both ways', async () => {
        const wages = async (order: 'asc' | 'desc') => (await engine.search('seekers', { sort: { by: 'wage', order } })).hits.map((h) => h.document.wageExpectation);
        const sortedWages = SEEKERS.map((d) => d.wageExpectation!).sort((a, b) => a - b);
        expect(await wages('asc')).toEqual(sortedWages);
        expect(await wages('desc')).toEqual([...sortedWages].reverse());
        const dates = (await engine.search('shortages', { sort: { by: 'date' } })).hits.map((h) => h.document.updatedAt);
        expect(dates).toEqual(SHORTAGES.map((d) => d.updatedAt).sort().reverse());
        const oldest = (await engine.search('shortages', { sort: { by: 'date', order: 'asc' }, limit: 1 })).hits[0];
        expect(oldest.id).toBe('shortage-01');
      });

      it('pages are stable: consecutive pages add up to the whole ordered list, without repeats', async () => {
        for (const sort of [{ by: 'date' as const }, { by: 'wage' as const, order: 'asc' as const }, { by: 'relevance' as const }]) {
          const all = (await engine.search('seekers', { sort, limit: 100 })).hits.map((h) => h.id);
          const paged: string[] = [];
          for (let offset = 0; offset < SEEKERS.length; offset += 2) {
            const page = await engine.search('seekers', { sort, offset, limit: 2 });
            expect(page.total).toBe(SEEKERS.length);
            expect(page.offset).toBe(offset);
            paged.push(...page.hits.map((h) => h.id));
          }
          expect(paged).toEqual(all);
          expect(new Set(paged).size).toBe(SEEKERS.length);
        }
        const odd = await engine.search('seekers', { sort: { by: 'date' }, offset: 3, limit: 2 });
        expect(odd.total).toBe(SEEKERS.length);
        expect(odd.hits.map((h) => h.id)).toEqual(['seeker-04', 'seeker-03']);
        const beyond = await engine.search('seekers', { offset: 50, limit: 10 });
        expect(beyond.hits).toEqual([]);
        expect(beyond.total).toBe(SEEKERS.length);
      });
    });

    describe('facets', () => {
      it('facet counts equal the filtered totals', async () => {
        const query: SearchQuery = { regionCodes: ['460100'], facets: ['region', 'occupationFamily', 'skillLevel', 'priorityGroup', 'workType'] };
        const result = await engine.search('seekers', query);
        const filtered = SEEKERS.filter((d) => d.regionTags.includes('460100'));
        expect(result.total).toBe(filtered.length);
        const sum = (counts: Record<string, number> = {}) => Object.values(counts).reduce((a, b) => a + b, 0);
        expect(sum(result.facets.region)).toBe(result.total);
        expect(sum(result.facets.skillLevel)).toBe(result.total);
        const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
        expect(result.facets.region).toEqual(tally(filtered.map((d) => d.regionCode)));
        expect(result.facets.skillLevel).toEqual(tally(filtered.map((d) => String(d.skillLevel))));
        expect(result.facets.workType).toEqual(tally(filtered.flatMap((d) => d.workTypes)));
        expect(result.facets.occupationFamily).toEqual(tally(filtered.flatMap((d) => d.occupationFamilies)));
        expect(result.facets.priorityGroup).toEqual(tally(filtered.flatMap((d) => d.priorityGroups)));
        for (const [workType, count] of Object.entries(result.facets.workType!)) {
          expect((await engine.search('seekers', { ...query, workTypes: [workType] })).total).toBe(count);
        }
      });

      it('only the requested facets are returned', async () => {
        const result = await engine.search('shortages', { facets: ['workType'] });
        expect(Object.keys(result.facets)).toEqual(['workType']);
        expect(result.facets.workType).toEqual({ full_time: SHORTAGES.length });
      });
    });

    describe('Chinese text', () => {
      it('finds 养老护理员 by 养老护理员, 护理员, 护理 and 养老', async () => {
        expect(await ids('seekers', { q: '养老护理员' })).toEqual(['seeker-01']);
        expect(await ids('seekers', { q: '护理员' })).toEqual(['seeker-01', 'seeker-03']);
        expect(await ids('seekers', { q: '护理' })).toEqual(seekerIds((d) => JSON.stringify([d.occupationNames, d.skillNames]).includes('护理')));
        expect(await ids('seekers', { q: '养老' })).toEqual(['seeker-01']);
        expect(await ids('shortages', { q: '护理' })).toEqual(['shortage-01']);
      });

      it('finds suffixes: 处理 inside 待处理 and 投诉处理', async () => {
        expect(await ids('shortages', { q: '处理' })).toEqual(['shortage-01', 'shortage-03']);
        expect(await ids('shortages', { q: '待处理' })).toEqual(['shortage-01']);
        expect(await ids('seekers', { q: '处理' })).toEqual(['seeker-06']);
      });

      it('every term must match, and text combines with filters', async () => {
        expect(await ids('shortages', { q: '电工 配电' })).toEqual(['shortage-03']);
        expect(await ids('shortages', { q: '电工 养老' })).toEqual([]);
        expect(await ids('seekers', { q: '护理', regionCodes: ['460200'] })).toEqual(['seeker-03']);
      });

      it('a word that appears nowhere finds nothing', async () => {
        const result = await engine.search('seekers', { q: '火箭发射', facets: ['region'] });
        expect(result.hits).toEqual([]);
        expect(result.total).toBe(0);
        expect(await ids('shortages', { q: '航天' })).toEqual([]);
      });

      it('colloquial words find the official occupation (厨师 → 中式烹调师, 保姆 → 家政服务员)', async () => {
        expect(await ids('seekers', { q: '厨师' })).toEqual(['seeker-05']);
        expect(await ids('shortages', { q: '厨师' })).toEqual(['shortage-02']);
        expect(await ids('shortages', { q: '保姆' })).toEqual(['shortage-04']);
      });

      it('an everyday title that names an occupation finds that occupation (title normalizer: 月嫂, 住家保姆 → 家政服务员)', async () => {
        expect(await ids('shortages', { q: '月嫂' })).toEqual(['shortage-04']);
        expect(await ids('shortages', { q: '住家保姆' })).toEqual(['shortage-04']);
        expect(await ids('seekers', { q: '住家保姆' })).toEqual(['seeker-02']);
      });

      it('pinyin initials: hly finds 护理员, ylhly finds 养老护理员', async () => {
        expect(await ids('seekers', { q: 'hly' })).toEqual(['seeker-01', 'seeker-03']);
        expect(await ids('seekers', { q: 'ylhly' })).toContain('seeker-01');
        expect(await ids('shortages', { q: 'hly' })).toEqual(['shortage-01']);
      });

      it('scores text matches and highlights the matched term', async () => {
        const result = await engine.search('seekers', { q: '护理员' });
        expect(result.hits.length).toBeGreaterThan(0);
        for (const hit of result.hits) {
          expect(typeof hit.score).toBe('number');
          expect(Object.values(hit.highlight ?? {}).join(' ')).toMatch(/<em>[^<]*护理员?[^<]*<\/em>/);
        }
        const suffix = await engine.search('shortages', { q: '处理' });
        for (const hit of suffix.hits) expect(Object.values(hit.highlight ?? {}).join(' ')).toContain('<em>处理</em>');
        expect((await engine.search('seekers', { regionCodes: ['460100'] })).hits[0].highlight).toBeUndefined();
      });
    });

    it('reports health', async () => {
      expect(await engine.health()).toEqual({ engine: engine.kind, status: 'up' });
    });
  });
}
