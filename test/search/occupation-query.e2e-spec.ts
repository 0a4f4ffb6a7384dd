import { IndexSyncService } from '@app/indexing';
import { SearchEngine } from '@app/search';
import { Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { inDays, startWithPairedOfficer, untilIndexed } from './index-harness';

/**
 * Issue 14: a search word that names an occupation as people write it (程序员, chef, 月嫂) finds the postings and the
 * seekers of that occupation by its code, whatever words their titles use.
 */
describe('job and seeker search: a query that names an occupation finds its postings and seekers', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let engine: SearchEngine;
  let officer: HttpClient;
  let employerId: string;
  const ids: Record<string, string> = {};

  const publish = async (key: string, title: string, occupationCode: string, description: string) => {
    const response = await officer.post('/api/shortages', {
      employerId, title, occupationCode, industryCode: '6210', headcount: 1, wageMin: 5000, wageMax: 9000, workType: 'full_time',
      regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, startDate: inDays(5), deadline: inDays(40), description, submit: true,
    });
    expect(response.body.status).toBe('open');
    ids[key] = response.body.id;
  };
  const jobIds = async (q: string) => ((await http.get(`/api/jobs/search?q=${encodeURIComponent(q)}&limit=50`)).body.hits as { id: string }[]).map((h) => h.id);

  beforeAll(async () => {
    ({ t, http, factories, engine, officer, employerId } = await startWithPairedOfficer('海口椰林科技餐饮有限公司'));
    // Titles that do not contain the searched words: only the occupation code links them to the query.
    await publish('software', 'Java后端（微服务方向）', '2-02-10-03', '负责订单系统的接口与数据库设计，熟悉Spring。');
    await publish('cook', '炒锅师傅', '4-03-02-01', '负责湘菜出品，包食宿。');
    await publish('nanny', '住家阿姨', '4-10-01-06', '照顾一家三口的起居，做饭打扫。');
    await publish('guard', '夜班门岗', '4-07-05-01', '小区夜间值守，做二休一。');
    await publish('coder', 'ERP系统维护', '4-04-05-01', '维护门店收银与库存模块。');
    for (const id of Object.values(ids)) await untilIndexed(async () => (await engine.get('shortages', id)) !== null, `shortage ${id} indexed`);
  });
  afterAll(() => t.close());

  it('程序员 and programmer find the 计算机软件工程技术人员 and 计算机程序设计员 postings; java开发 only the first', async () => {
    for (const q of ['程序员', 'programmer']) expect((await jobIds(q)).sort()).toEqual([ids.software, ids.coder].sort());
    expect(await jobIds('java开发')).toEqual([ids.software]);
  });

  it('厨师 and chef find the 中式烹调师 posting; 月嫂 finds the 家政服务员 posting', async () => {
    expect(await jobIds('厨师')).toEqual([ids.cook]);
    expect(await jobIds('chef')).toEqual([ids.cook]);
    expect(await jobIds('月嫂')).toEqual([ids.nanny]);
  });

  it('a generic title names no occupation and finds nothing by code; a word in a posting still finds it by text', async () => {
    expect(await jobIds('技术员')).toEqual([]);
    expect(await jobIds('门岗')).toEqual([ids.guard]);
  });

  it('an occupation word combines with the other terms (all must match)', async () => {
    expect(await jobIds('程序员 Spring')).toEqual([ids.software]);
    expect(await jobIds('程序员 湘菜')).toEqual([]);
  });

  it('candidate search: an officer searching 程序员 or chef finds the seekers who want that occupation', async () => {
    const coder = await factories.seeker({ regionCode: '460106', desiredOccupations: ['2-02-10-03'], skills: [{ name: 'TypeScript', level: 3 }] });
    const cook = await factories.seeker({ regionCode: '460106', desiredOccupations: ['4-03-02-01'], skills: [{ name: '湘菜', level: 3 }] });
    // factories write no outbox row: indexed here
    await t.app.get(IndexSyncService).syncSeekers([coder.id, cook.id]);
    const seekerIds = async (q: string) => ((await officer.get(`/api/seekers/search?q=${encodeURIComponent(q)}&limit=50`)).body.hits as { id: string }[]).map((h) => h.id);
    expect(await seekerIds('程序员')).toContain(coder.id);
    expect(await seekerIds('程序员')).not.toContain(cook.id);
    expect(await seekerIds('chef')).toContain(cook.id);
    expect(await seekerIds('chef')).not.toContain(coder.id);
  });

  it('the employer’s own list and a seeker’s profile name the occupations (the console shows names, not codes)', async () => {
    const employer = await http.login((await factories.user('employer', { employerId })).username, TEST_PASSWORD);
    const list = await employer.get('/api/shortages?limit=50');
    expect(list.status).toBe(200);
    const names = Object.fromEntries((list.body.items as { id: string; occupationName: string }[]).map((s) => [s.id, s.occupationName]));
    expect(names).toEqual({
      [ids.software]: '计算机软件工程技术人员', [ids.cook]: '中式烹调师', [ids.nanny]: '家政服务员', [ids.guard]: '保安员', [ids.coder]: '计算机程序设计员',
    });
    expect((await employer.get(`/api/shortages/${ids.cook}`)).body.occupationName).toBe('中式烹调师');

    const person = await factories.seeker({ desiredOccupations: ['4-03-02-01', '4-10-01-06'] });
    const seeker = await http.login((await factories.user('seeker', { seekerId: person.id })).username, TEST_PASSWORD);
    const me = await seeker.get('/api/seekers/me');
    expect(me.body).toMatchObject({ desiredOccupations: ['4-03-02-01', '4-10-01-06'], desiredOccupationNames: ['中式烹调师', '家政服务员'] });
  });

  it('matches by the occupation code itself: a posting whose text names neither the word nor the occupation is found', async () => {
    // A document as an older indexer wrote it: the code, but no occupation name in its text.
    const cook = (await engine.get('shortages', ids.cook))!;
    await engine.upsert('shortages', [{ ...cook, id: `${ids.cook.slice(0, -4)}beef`, title: '后厨岗位', occupationNames: [], description: '包食宿，月休四天。', skills: [], skillNames: [] }]);
    const found = await jobIds('chef');
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([ids.cook, `${ids.cook.slice(0, -4)}beef`]));
    expect(await jobIds('java开发')).toEqual([ids.software]);
  });
});
