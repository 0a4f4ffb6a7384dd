import { getDataSourceToken } from '@nestjs/typeorm';
import { IndexSyncService } from '@app/indexing';
import { IncrementalMatchingService } from '@app/matching';
import { SearchEngine } from '@app/search';
import { SkillVocabulary } from '@app/taxonomy';
import { eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { SkillsMapCommand } from '../../apps/cli/src/commands/skills-map.command';
import { inDays, startWithPairedOfficer, untilIndexed } from './index-harness';

interface Reason {
  code: string;
  kind: string;
  zh: string;
  en: string;
}

/** Issue 14, part 3: skills written in everyday words meet the posting's skill (炒菜 = 热菜烹制) everywhere. */
describe('canonical skills: autocomplete, job search skill fit and match reasons', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let engine: SearchEngine;
  let officer: HttpClient;
  let employerId: string;

  beforeAll(async () => {
    ({ t, http, factories, engine, officer, employerId } = await startWithPairedOfficer('海口椰风餐饮管理有限公司'));
  });
  afterAll(() => t.close());

  it('GET /api/taxonomy/skills offers canonical skills found through their synonyms, the occupation’s family first', async () => {
    const found = await http.get(`/api/taxonomy/skills?q=${encodeURIComponent('炒菜')}`);
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ zh: '热菜烹制', en: 'Hot dish cooking (Chinese)', family: '4-03', matched: '炒菜' });
    expect(found.body.items[0].id).toMatch(/^SK-4-03-\d{3}$/);
    expect(found.body.items[0].synonyms).toEqual(expect.arrayContaining(['炒菜', '中式烹调']));

    const forklift = await http.get(`/api/taxonomy/skills?q=${encodeURIComponent('叉车')}&occupation=6-30-05-01&limit=3`);
    expect(forklift.body.items.length).toBeLessThanOrEqual(3);
    expect(forklift.body.items[0]).toMatchObject({ zh: '叉车驾驶', family: '6-30' });

    const nothing = await http.get(`/api/taxonomy/skills?q=${encodeURIComponent('吃苦耐劳')}`);
    expect(nothing.body.items).toEqual([]);
  });

  it('refuses a missing query or a malformed occupation with a 400 in Chinese, English on request', async () => {
    const missing = await http.get('/api/taxonomy/skills');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.message).toMatch(/q/);
    expect(missing.body.message).toMatch(/[\u4e00-\u9fff]/);
    const english = await http.request('GET', '/api/taxonomy/skills?q=x&occupation=kitchen', undefined, { 'accept-language': 'en' });
    expect(english.status).toBe(400);
    expect(english.body.message).toMatch(/occupation/);
    expect(english.body.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a seeker with 炒菜 meets a posting that requires 热菜烹制: skill fit in job search and a met reason among the candidates', async () => {
    const published = await officer.post('/api/shortages', {
      employerId, title: '中餐厨师（热菜）', occupationCode: '4-03-02-01', industryCode: '6210', headcount: 2, wageMin: 5000, wageMax: 7000,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, startDate: inDays(5), deadline: inDays(40),
      requiredSkills: [{ name: '热菜烹制', level: 2 }, { name: '冷菜烹制', level: 1 }],
      description: '负责热菜和凉菜出品，包食宿，缴纳五险。', submit: true,
    });
    expect(published.body.status).toBe('open');
    const shortageId = published.body.id;
    await untilIndexed(async () => (await engine.get('shortages', shortageId)) !== null, 'shortage indexed');

    const cook = await factories.seeker({
      regionCode: '460106', lat: 20.02, lng: 110.32, travelRadiusKm: 20, desiredOccupations: ['4-03-02-01'], skills: [{ name: '炒菜', level: 3 }, { name: '凉菜', level: 2 }],
      skillLevel: 3, experience: [{ occupationCode: '4-03-02-01', years: 4 }], wageExpectation: 5500, availableFrom: inDays(0), workTypes: ['full_time'],
    });
    const seeker = await http.login((await factories.user('seeker', { seekerId: cook.id })).username, TEST_PASSWORD);
    const results = await seeker.get(`/api/jobs/search?q=${encodeURIComponent('厨师')}`);
    const hit = results.body.hits.find((h: { id: string }) => h.id === shortageId);
    expect(hit.fit).toEqual({ matched: ['热菜烹制', '冷菜烹制'], missing: [], missingCertificates: [] });

    // Seeker search by the canonical name finds the seeker who wrote it in everyday words (factories write no outbox row: indexed here).
    await t.app.get(IndexSyncService).syncSeekers([cook.id]);
    expect((await engine.get('seekers', cook.id))?.skillNames).toEqual(['炒菜', '热菜烹制', '凉菜', '冷菜烹制']);
    const bySkill = await officer.get(`/api/seekers/search?q=${encodeURIComponent('热菜烹制')}`);
    expect(bySkill.body.hits.map((h: { id: string }) => h.id)).toContain(cook.id);

    await t.app.get(IncrementalMatchingService).rematchShortage(shortageId);
    const candidates = await eventually(
      async () => (await officer.get(`/api/shortages/${shortageId}/candidates?limit=100`)).body as { items: { seekerId: string; explanation: { reasons: Reason[]; gaps: unknown[] } }[] },
      (body) => body.items?.some((c) => c.seekerId === cook.id),
    );
    const candidate = candidates.items.find((c) => c.seekerId === cook.id)!;
    const met = candidate.explanation.reasons.filter((r) => r.code === 'SKILL_REQUIRED_MET');
    expect(met.map((r) => r.zh)).toEqual(['掌握必需技能：热菜烹制（3级）', '掌握必需技能：冷菜烹制（2级）']);
    expect(met.every((r) => r.kind === 'fit')).toBe(true);
    expect(candidate.explanation.reasons.map((r) => r.code)).not.toContain('MISSING_SKILL');
    expect(candidate.explanation.gaps).toEqual([]);
  });

  it('skills:map reports how the skills on existing rows map to canonical skills, and the names that stay as written', async () => {
    await factories.seeker({ skills: [{ name: '开叉车', level: 2 }, { name: '会编竹篮', level: 1 }, { name: '会编竹篮', level: 2 }] });
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    try {
      await new SkillsMapCommand(t.app.get(getDataSourceToken()), SkillVocabulary.shared()).run();
    } finally {
      log.mockRestore();
    }
    const report = printed.join('\n');
    expect(report).toMatch(/^\d+ skill entries \(\d+ distinct names\): \d+ \(\d+\.\d%\) map to \d+ canonical skills \(exact \d+, normal form \d+, similar \d+\); \d+ stay as written/);
    expect(report).toMatch(/most written without a canonical skill: .*会编竹篮 \(2\)/);
    expect(report).not.toMatch(/开叉车|炒菜|热菜烹制/);
  });
});
