import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** The occupation picker and the typed-title suggestions read everyday titles (issue 14). */
describe('occupation suggestions for job titles', () => {
  let t: TestApp;
  let anonymous: HttpClient;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    anonymous = new HttpClient(t.app);
  });
  afterAll(() => t.close());

  it('suggests 中式烹调师 first for 厨师, with the alias that matched', async () => {
    const response = await anonymous.get(`/api/taxonomy/occupations/suggest?title=${encodeURIComponent('海口急招厨师')}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cleaned: '厨师', generic: false });
    expect(response.body.items[0]).toMatchObject({ code: '4-03-02-01', name: '中式烹调师', alias: '厨师' });
  });

  it('leaves a generic title without a suggestion', async () => {
    const response = await anonymous.get(`/api/taxonomy/occupations/suggest?title=${encodeURIComponent('技术员')}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ generic: true, items: [] });
  });

  it('a missing or too long title is a 400 naming the field', async () => {
    const missing = await anonymous.get('/api/taxonomy/occupations/suggest');
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('title');
    const long = await anonymous.get(`/api/taxonomy/occupations/suggest?title=${'厨'.repeat(101)}`);
    expect(long.status).toBe(400);
  });

  it('the picker search lists the occupations of everyday titles first (月嫂, 程序员, 律师)', async () => {
    const names = async (q: string) =>
      ((await anonymous.get(`/api/taxonomy/occupations?q=${encodeURIComponent(q)}`)).body.items as { name: string }[]).map((o) => o.name);
    expect((await names('月嫂'))[0]).toBe('家政服务员');
    expect((await names('程序员'))[0]).toBe('计算机软件工程技术人员');
    expect((await names('律师'))[0]).toBe('律师');
    expect(await names('ylhly')).toContain('养老护理员');
  });

  it('the picker reads aliases, English words and pinyin, full or initials (厨师, chef, chushi, cs → 中式烹调师)', async () => {
    const names = async (q: string) =>
      ((await anonymous.get(`/api/taxonomy/occupations?q=${encodeURIComponent(q)}`)).body.items as { name: string }[]).map((o) => o.name);
    for (const q of ['厨师', '炒锅', 'chef', 'chushi', 'cs']) expect([q, (await names(q))[0]]).toEqual([q, '中式烹调师']);
    for (const q of ['保姆', '月嫂', 'baomu', 'bm', 'ys']) expect([q, (await names(q))[0]]).toEqual([q, '家政服务员']);
    expect((await names('java'))[0]).toBe('计算机软件工程技术人员');
    expect((await names('cxy')).slice(0, 3)).toContain('计算机软件工程技术人员');
    // 司机 names both road-driving occupations first, not only 轨道交通列车司机 and 挖掘机司机
    expect((await names('司机')).slice(0, 2)).toEqual(['客运车辆驾驶员', '道路货运汽车驾驶员']);
  });
});
