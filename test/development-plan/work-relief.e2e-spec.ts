import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * The 以工代赈 ledger and job-impact estimates over HTTP (issue 20, part 6): 琼海 registers its projects and the
 * labour pay paid; a project under 30% of its funds is flagged, and so are a worker paid on two projects and an
 * account paid on 海口's project too (found province-wide, 海口's project not shown to 琼海). ID numbers and accounts
 * are stored encrypted and shown masked. 琼海 submits a job-impact estimate; the province returns it once, approves the
 * correction, and the approved figures are the forecast demand.
 */
describe('以工代赈 ledger and job-impact estimates', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let province: HttpClient;
  let qionghai: HttpClient;
  let haikou: HttpClient;
  const id = (n: number) => makeResidentId('469002', '1985-03-04', String(n).padStart(3, '0'));
  const payment = (n: number, account: string, amountFen: number) => ({ workerName: `符${n}梅`, workerId: id(n), account, amountFen, paidOn: '2026-06-30' });

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    const http = new HttpClient(t.app);
    const factories = new Factories(t.app);
    province = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    qionghai = await http.login((await factories.user('admin', { regionCode: '469002' })).username, TEST_PASSWORD);
    haikou = await http.login((await factories.user('admin', { regionCode: '460100' })).username, TEST_PASSWORD);
  }, 120_000);

  afterAll(() => t.close(), 60_000);

  it('keeps the labour pay per project and flags projects under 30% and workers or accounts on several projects', async () => {
    const road = await qionghai.post('/api/plan/work-relief/projects', { reporter: '469002', year: 2026, name: '万泉河乡村道路改造以工代赈项目', fundsFen: 1_000_000_00, keyProject: true });
    expect(road.status).toBe(201);
    expect(road.body).toMatchObject({ reporter: '469002', fundsFen: 1_000_000_00, keyProject: true, summary: { paidFen: 0, payShare: 0, flags: ['pay_share_below_30'] } });
    const canal = await qionghai.post('/api/plan/work-relief/projects', { reporter: '469002', year: 2026, name: '灌区渠系以工代赈项目', fundsFen: 100_000_00 });
    expect(canal.status).toBe(201);
    // 琼海 cannot register a project for 海口; 海口 registers its own.
    expect((await qionghai.post('/api/plan/work-relief/projects', { reporter: '460100', year: 2026, name: '越权项目', fundsFen: 100 })).status).toBe(404);
    const park = await haikou.post('/api/plan/work-relief/projects', { reporter: '460100', year: 2026, name: '海口园区以工代赈项目', fundsFen: 50_000_00 });
    expect(park.status).toBe(201);

    // Road: 20,000 yuan paid of 1,000,000 (2%). Canal: 35,000 of 100,000 (35%), one worker also on the road.
    const paidRoad = await qionghai.post(`/api/plan/work-relief/projects/${road.body.id}/payments`, {
      payments: [payment(1, '6228 4800 1234 5678 901', 10_000_00), payment(2, '6228480012345678902', 10_000_00)],
    });
    expect(paidRoad.status).toBe(200);
    expect(paidRoad.body.summary).toMatchObject({ paidFen: 20_000_00, payShare: 0.02, workers: 2, payments: 2, flags: ['pay_share_below_30'] });
    const paidCanal = await qionghai.post(`/api/plan/work-relief/projects/${canal.body.id}/payments`, {
      payments: [payment(1, '6217000011112222333', 20_000_00), payment(3, '6217000011112222444', 15_000_00)],
    });
    expect(paidCanal.body.summary).toMatchObject({ paidFen: 35_000_00, payShare: 0.35, workers: 2, flags: ['worker_on_several_projects'], workersOnOtherProjects: 1 });
    // 海口 pays a worker of its own into the account of 琼海's worker 2.
    const paidPark = await haikou.post(`/api/plan/work-relief/projects/${park.body.id}/payments`, {
      payments: [{ workerName: '王小二', workerId: makeResidentId('460106', '1990-01-01', '321'), account: '6228480012345678902', amountFen: 20_000_00, paidOn: '2026-07-01' }],
    });
    expect(paidPark.body.summary.flags).toEqual(['account_on_several_projects', 'account_shared_by_workers']);

    // 琼海's list: its two projects only, the road now also flagged for the shared account.
    const list = await qionghai.get('/api/plan/work-relief/projects?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['万泉河乡村道路改造以工代赈项目', '灌区渠系以工代赈项目']);
    expect(list.body.items[0].summary.flags).toEqual(['pay_share_below_30', 'worker_on_several_projects', 'account_on_several_projects', 'account_shared_by_workers']);
    expect((await qionghai.get(`/api/plan/work-relief/projects/${park.body.id}`)).status).toBe(404);
    expect((await province.get('/api/plan/work-relief/projects?year=2026')).body.items).toHaveLength(3);

    // Masked on the way out, encrypted at rest.
    const detail = await qionghai.get(`/api/plan/work-relief/projects/${road.body.id}`);
    expect(detail.body.paymentsList).toHaveLength(2);
    expect(detail.body.paymentsList).toEqual(expect.arrayContaining([
      expect.objectContaining({ workerName: '符*梅', workerId: `469${'*'.repeat(11)}${id(1).slice(-4)}`, account: '****8901', amountFen: 10_000_00, paidOn: '2026-06-30' }),
    ]));
    expect(JSON.stringify(detail.body)).not.toContain(id(1));
    const stored: { worker_id_encrypted: string; account_encrypted: string }[] = await dataSource.query(
      `SELECT worker_id_encrypted, account_encrypted FROM work_relief_payment WHERE project_id = $1`, [road.body.id],
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.worker_id_encrypted).not.toContain('19850304');
      expect(row.account_encrypted).not.toMatch(/622848001234567890/);
    }
  });

  it('answers bad ledger input with a 400 in Chinese, or English when asked', async () => {
    const project = await qionghai.post('/api/plan/work-relief/projects', { reporter: '469002', year: 2026, name: '校验项目', fundsFen: 100_00 });
    const bad = { payments: [{ workerName: '符小梅', workerId: '460002198503040000', account: '12', amountFen: 0, paidOn: '2026-02-30' }] };
    const zh = await qionghai.post(`/api/plan/work-relief/projects/${project.body.id}/payments`, bad);
    expect(zh.status).toBe(400);
    expect(zh.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect([...new Set(zh.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['payments.0.account', 'payments.0.amountFen', 'payments.0.paidOn', 'payments.0.workerId']);
    // (The shared resident-ID validator answers in Chinese only, so the English check leaves the ID valid.)
    const en = await qionghai.post(`/api/plan/work-relief/projects/${project.body.id}/payments`, { payments: [{ ...bad.payments[0], workerId: id(9) }] }, { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.message).not.toMatch(/[\u4e00-\u9fa5]/);
    expect(en.body.details.find((d: { field: string }) => d.field === 'payments.0.amountFen').message).toMatch(/must not be less than 1/);
    expect(zh.body.details.find((d: { field: string }) => d.field === 'payments.0.amountFen').message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await qionghai.post('/api/plan/work-relief/projects', { reporter: '469002', year: 2026, name: '零资金', fundsFen: 0 })).status).toBe(400);
    expect((await qionghai.post('/api/plan/work-relief/projects', { reporter: 'unit:hrss', year: 2026, name: '成员单位', fundsFen: 100 })).status).toBe(400);
  });

  it('turns approved job-impact estimates into forecast demand after one return', async () => {
    const lines = [{ occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 40 }, { occupationCode: '4-10-01-05', year: 2027, quarter: 2, jobs: 6 }];
    const unknown = await qionghai.post('/api/plan/job-impact/estimates', { reporter: '469002', projectName: '万泉河综合治理工程', lines: [{ ...lines[0], occupationCode: '9-99-99-99' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('JOB_IMPACT_UNKNOWN_OCCUPATION');
    const elsewhere = (await province.get('/api/plan/work-relief/projects?year=2026&reporter=460100')).body.items[0].id;
    expect((await province.post('/api/plan/job-impact/estimates', { reporter: '469002', projectName: '错挂项目', projectId: elsewhere, lines })).body.code).toBe('JOB_IMPACT_PROJECT_ELSEWHERE');

    const submitted = await qionghai.post('/api/plan/job-impact/estimates', { reporter: '469002', projectName: '万泉河综合治理工程', lines });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('submitted');
    const estimate = submitted.body.id;
    expect((await qionghai.post(`/api/plan/job-impact/estimates/${estimate}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await province.post(`/api/plan/job-impact/estimates/${estimate}/review`, { decision: 'return' })).status).toBe(400);
    const returned = await province.post(`/api/plan/job-impact/estimates/${estimate}/review`, { decision: 'return', reason: '请按季度细化岗位测算' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '请按季度细化岗位测算' });
    // Not forecast while returned.
    expect((await province.get('/api/plan/job-impact/forecast?year=2027')).body.items).toEqual([]);

    const corrected = await qionghai.request('PUT', `/api/plan/job-impact/estimates/${estimate}`, { projectName: '万泉河综合治理工程', lines: [...lines, { occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 10 }] });
    expect(corrected.body.status).toBe('submitted');
    expect((await province.post(`/api/plan/job-impact/estimates/${estimate}/review`, { decision: 'approve' })).body.status).toBe('approved');
    expect((await qionghai.request('PUT', `/api/plan/job-impact/estimates/${estimate}`, { projectName: 'x改', lines })).status).toBe(409);

    const forecast = await qionghai.get('/api/plan/job-impact/forecast?year=2027');
    expect(forecast.body.items).toEqual([
      { reporter: '469002', occupationCode: '6-29-01-01', year: 2027, quarter: 1, jobs: 50, estimates: 1 },
      { reporter: '469002', occupationCode: '4-10-01-05', year: 2027, quarter: 2, jobs: 6, estimates: 1 },
    ]);
    expect((await haikou.get('/api/plan/job-impact/forecast?year=2027')).body.items).toEqual([]);
    expect((await haikou.get(`/api/plan/job-impact/estimates/${estimate}`)).status).toBe(404);
    expect((await qionghai.get('/api/plan/job-impact/estimates?status=approved')).body.items.map((e: { id: string }) => e.id)).toEqual([estimate]);
  });
});
