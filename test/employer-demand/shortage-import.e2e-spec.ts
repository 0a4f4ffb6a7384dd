import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Workbook } from 'exceljs';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@app/clock';
import { OutboxService } from '@app/database';
import { buildShortageTemplate, Employer, ImportJob, ImportJobsService, parseShortageRows, SHORTAGE_HEADERS, SHORTAGE_SHEET } from '@app/employer-demand';
import { makeCreditCode } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

type Row = Record<string, string | number>;

const withWrongCheckChar = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

/** A good row of the template for the given employer, keyed by Chinese header. */
function goodRow(ref: string, creditCode: string, i: number): Row {
  return {
    需求编号: ref, 统一社会信用代码: creditCode, 岗位名称: `养老护理员（${i % 2 ? '白班' : '夜班'}）`, 职业编码: '4-10-01-05 养老护理员',
    行业编码: '8514', 招聘人数: 1 + (i % 20), '工资下限（元/月）': 4000 + (i % 5) * 100, '工资上限（元/月）': 6500, 用工形式: '全职',
    工作地区编码: '460106 龙华区', 工作地点: '海口市龙华区金垦路 8 号', 到岗日期: inDays(10), 截止日期: inDays(60),
    岗位描述: '负责失能老人生活照料、协助康复训练，按规定缴纳社会保险。', 技能要求: '失智照护:3;基础护理:2', 证书要求: 'SKL-4-10-01-05',
    学历要求: '初中', 经验年限: 1, 是否提供培训: '是', 培训说明: '岗前培训 5 天，公司承担费用', 紧急程度: '紧急', 政策方向: '民生保障',
  };
}

/** Builds the workbook on the platform's own template, as an officer would fill it in. */
async function workbookOf(rows: Row[]): Promise<Buffer> {
  const workbook = buildShortageTemplate();
  const sheet = workbook.getWorksheet(SHORTAGE_SHEET)!;
  for (const row of rows) sheet.addRow(SHORTAGE_HEADERS.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipart(file: Buffer, fileName = 'shortages.xlsx', field = 'file') {
  const boundary = `----pes${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('shortage import and export (Excel)', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let officer: HttpClient;
  let officerId: string;
  let paired: Employer[];
  let unpaired: Employer;

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, { LOG_LEVEL: 'error' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const user = await factories.user('officer', { regionCode: '460100' });
    officerId = user.id;
    officer = await http.login(user.username, TEST_PASSWORD);
    paired = [];
    for (let i = 0; i < 10; i++) {
      const employer = await factories.employer();
      await factories.pairing(officerId, employer.id);
      paired.push(employer);
    }
    unpaired = await factories.employer();
  });
  afterAll(() => t.close());

  const upload = (client: HttpClient, file: Buffer, query = '', fileName?: string, language?: string) => {
    const { payload, headers } = multipart(file, fileName);
    return client.request('POST', `/api/shortages/import${query}`, payload, { ...headers, ...(language ? { 'accept-language': language } : {}) });
  };

  const download = async (url: string, client: HttpClient) => {
    const token = ((client as unknown as { token: string }).token);
    const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  };

  /** Polls a background import until it ends; returns the final state and every `processed` value seen on the way. */
  async function waitForJob(client: HttpClient, id: string) {
    const seen: { status: string; processed: number }[] = [];
    for (const started = Date.now(); Date.now() - started < 50_000; ) {
      const response = await client.get(`/api/shortages/import/${id}`);
      expect(response.status).toBe(200);
      seen.push({ status: response.body.status, processed: response.body.processed });
      if (response.body.status === 'done' || response.body.status === 'failed') return { job: response.body, seen };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`import ${id} did not finish`);
  }

  const countFor = async (employers: Employer[], refPrefix: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM shortage WHERE employer_id = ANY($1) AND external_ref LIKE $2`, [employers.map((e) => e.id), `${refPrefix}%`]))[0].n);

  it('the template downloads as 缺工需求导入模板.xlsx, and a filled-in copy imports', async () => {
    const response = await download('/api/shortages/import/template', officer);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="shortage-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('缺工需求导入模板.xlsx')}`,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHORTAGE_SHEET, '说明', '代码表']);
    expect((workbook.getWorksheet(SHORTAGE_SHEET)!.getRow(1).values as unknown[]).slice(1)).toEqual(SHORTAGE_HEADERS);

    const row = goodRow('TPL-1', paired[0].creditCode, 1);
    workbook.getWorksheet(SHORTAGE_SHEET)!.addRow(SHORTAGE_HEADERS.map((header) => row[header] ?? null));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await upload(officer, filled);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({
      mode: 'partial', total: 1, created: 1, updated: 0, failed: 0, errors: [],
      // 金垦路 names no township: the row is placed at its region's point, and the report says so.
      locations: [{ row: 2, precision: 'district', basis: 'region', message: '定位到：海口市龙华区（区县级）' }],
    });
  });

  it('imports 5,000 rows in the background: exactly the 50 bad rows are reported, the rest kept; a re-import updates', async () => {
    const rows: Row[] = [];
    const expected: { row: number; column: string }[] = [];
    const badKinds: [string, (row: Row) => void][] = [
      ['职业编码', (r) => (r.职业编码 = '9-99-99-99')],
      ['招聘人数', (r) => (r.招聘人数 = -3)],
      ['截止日期', (r) => (r.截止日期 = '2020-01-01')],
      ['工资上限（元/月）', (r) => (r['工资上限（元/月）'] = 3000)],
      ['岗位描述', (r) => delete r.岗位描述],
      ['统一社会信用代码', (r) => (r.统一社会信用代码 = unpaired.creditCode)],
      ['工作地区编码', (r) => (r.工作地区编码 = '110101')],
      ['到岗日期', (r) => (r.到岗日期 = '2026-02-30')],
      ['统一社会信用代码', (r) => (r.统一社会信用代码 = withWrongCheckChar(makeCreditCode('91460100MA5T99999')))],
      ['证书要求', (r) => (r.证书要求 = 'SKL-4-10-01-05;NO-SUCH-CERT')],
    ];
    for (let i = 0; i < 5000; i++) {
      const row = goodRow(`BULK-${String(i).padStart(5, '0')}`, paired[i % paired.length].creditCode, i);
      if (i % 100 === 37) {
        const [column, spoil] = badKinds[expected.length % badKinds.length];
        spoil(row);
        expected.push({ row: i + 2, column });
      }
      rows.push(row);
    }
    expect(expected).toHaveLength(50);
    const file = await workbookOf(rows);

    const started = Date.now();
    const submitted = await upload(officer, file, '', 'bulk.xlsx');
    expect(submitted.status).toBe(202);
    expect(submitted.headers.location).toBe(`/api/shortages/import/${submitted.body.id}`);
    expect(submitted.body).toMatchObject({ status: 'queued', total: 5000, processed: 0, report: null });
    const { job, seen } = await waitForJob(officer, submitted.body.id);
    const seconds = (Date.now() - started) / 1000;
    const serverSeconds = (new Date(job.finishedAt).getTime() - new Date(job.createdAt).getTime()) / 1000;
    console.log(`background import of 5000 rows: ${seconds.toFixed(2)} s end to end (${Math.round(5000 / seconds)} rows/s), ${serverSeconds.toFixed(2)} s from submission to done (${Math.round(5000 / serverSeconds)} rows/s)`);

    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ mode: 'partial', total: 5000, created: 4950, updated: 0, failed: 50 });
    expect(job.report.errors.map((e: { row: number; column: string }) => ({ row: e.row, column: e.column }))).toEqual(expected);
    expect(job.report.errors.find((e: { column: string }) => e.column === '职业编码').message).toBe('职业编码“9-99-99-99”不存在');
    expect(job.report.errors.find((e: { column: string }) => e.column === '统一社会信用代码').message).toContain(unpaired.creditCode);
    // Progress was visible on the way: some polls saw the job running part-way.
    expect(seen.some((s) => s.status === 'running' && s.processed > 0 && s.processed < 5000)).toBe(true);
    expect(seen.map((s) => s.processed)).toEqual([...seen.map((s) => s.processed)].sort((a, b) => a - b));
    expect(job.progress).toBe(100);

    expect(await countFor(paired, 'BULK-')).toBe(4950);
    const [{ drafts, transitions, outbox }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE s.status = 'draft') AS drafts,
              (SELECT count(*) FROM shortage_transition st JOIN shortage x ON x.id = st.shortage_id WHERE x.external_ref LIKE 'BULK-%') AS transitions,
              (SELECT count(*) FROM outbox_event o JOIN shortage x ON x.id::text = o.aggregate_id WHERE x.external_ref LIKE 'BULK-%') AS outbox
         FROM shortage s WHERE s.external_ref LIKE 'BULK-%'`,
    );
    expect([Number(drafts), Number(transitions), Number(outbox)]).toEqual([4950, 4950, 4950]);
    const sample = await dataSource.query(`SELECT * FROM shortage WHERE external_ref = 'BULK-00001'`);
    expect(sample[0]).toMatchObject({
      occupation_code: '4-10-01-05', region_code: '460106', headcount: 2, wage_min: 4100, wage_max: 6500, work_type: 'full_time',
      required_skills: [{ name: '失智照护', level: 3 }, { name: '基础护理', level: 2 }], required_certificates: ['SKL-4-10-01-05'],
      education: 'junior_high', urgency: 'urgent', policy_direction: 'livelihood', training_offered: '岗前培训 5 天，公司承担费用',
      created_by: officerId, status: 'draft',
    });

    const again = await upload(officer, file, '', 'bulk.xlsx');
    expect(again.status).toBe(202);
    const second = await waitForJob(officer, again.body.id);
    const updateSeconds = (new Date(second.job.finishedAt).getTime() - new Date(second.job.createdAt).getTime()) / 1000;
    console.log(`background re-import of 5000 rows (updates): ${updateSeconds.toFixed(2)} s from submission to done (${Math.round(5000 / updateSeconds)} rows/s)`);
    expect(second.job.report).toMatchObject({ total: 5000, created: 0, updated: 4950, failed: 50 });
    expect(await countFor(paired, 'BULK-')).toBe(4950);
  }, 60_000);

  it('all-or-nothing: one bad row and nothing is written, with every problem reported', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => goodRow(`AON-${i}`, paired[i % 3].creditCode, i));
    rows[7].招聘人数 = 0;
    rows[12].职业编码 = '4-10';
    const refused = await upload(officer, await workbookOf(rows), '?mode=all_or_nothing');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ mode: 'all_or_nothing', total: 20, created: 0, updated: 0, failed: 2 });
    expect(refused.body.errors).toEqual([
      { row: 9, column: '招聘人数', message: '应为 1 到 10000 之间的整数，当前为 0' },
      { row: 14, column: '职业编码', message: '职业编码“4-10”不是细类（第4级）编码' },
    ]);
    // The same report in English when the request asks for it (issue 17); the columns are the workbook's own headers.
    const english = await upload(officer, await workbookOf(rows), '?mode=all_or_nothing', undefined, 'en');
    expect(english.body.errors).toEqual([
      { row: 9, column: '招聘人数', message: 'Must be a whole number from 1 to 10000; this is 0' },
      { row: 14, column: '职业编码', message: 'The occupation code "4-10" is not of level 4' },
    ]);
    expect(await countFor(paired, 'AON-')).toBe(0);

    rows[7].招聘人数 = 3;
    rows[12].职业编码 = '4-10-01-05';
    const accepted = await upload(officer, await workbookOf(rows), '?mode=all_or_nothing');
    expect(accepted.body).toMatchObject({ created: 20, failed: 0, errors: [] });
    expect(await countFor(paired, 'AON-')).toBe(20);
  });

  it('reports rows that repeat a 需求编号 of the same employer, and shortages that may no longer change', async () => {
    const rows = [goodRow('DUP-1', paired[0].creditCode, 1), goodRow('DUP-1', paired[0].creditCode, 2), goodRow('DUP-1', paired[1].creditCode, 3)];
    const first = await upload(officer, await workbookOf(rows));
    expect(first.body).toMatchObject({ created: 2, failed: 1, errors: [{ row: 3, column: '需求编号', message: '需求编号“DUP-1”与第 2 行重复（同一单位的需求编号不能重复）' }] });

    const edited = { ...rows[0], 招聘人数: 7, 技能要求: '沟通:2', 证书要求: '', 学历要求: '', 截止日期: inDays(90), 纬度: 20.05, 经度: 110.31 };
    expect((await upload(officer, await workbookOf([edited]))).body).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const [stored] = await dataSource.query(`SELECT *, deadline::text AS deadline FROM shortage WHERE external_ref = 'DUP-1' AND employer_id = $1`, [paired[0].id]);
    expect(stored).toMatchObject({
      headcount: 7, required_skills: [{ name: '沟通', level: 2 }], required_certificates: [], education: null, deadline: inDays(90), lat: 20.05, lng: 110.31, location_precision: 'point',
      status: 'draft', created_by: officerId,
    });
    expect(stored.updated_at.getTime()).toBeGreaterThan(stored.created_at.getTime());

    await dataSource.query(`UPDATE shortage SET status = 'closed' WHERE external_ref = 'DUP-1' AND employer_id = $1`, [paired[1].id]);
    const second = await upload(officer, await workbookOf([rows[2]]));
    expect(second.body).toMatchObject({ created: 0, updated: 0, failed: 1, errors: [{ row: 2, column: '需求编号', message: '需求编号“DUP-1”的缺工需求已关闭，不能再修改' }] });
  });

  it('exports a filtered list in the template layout, with names beside codes; the export re-imports cleanly', async () => {
    const response = await download(`/api/shortages/export?employerId=${paired[3].id}&status=draft`, officer);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="shortages-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    const total = Number(response.headers['x-total-count']);
    expect(total).toBe(await countFor([paired[3]], ''));
    expect(response.headers['x-exported-count']).toBe(String(total));

    const rows = await parseShortageRows(response.body);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r.cells['统一社会信用代码'] === paired[3].creditCode)).toBe(true);
    expect(rows[0].cells).toMatchObject({ 职业编码: '4-10-01-05 养老护理员', 工作地区编码: '460106 龙华区', 状态: '草稿', 用工形式: '全职' });

    const reimported = await upload(officer, response.body, '', 'export.xlsx');
    expect(reimported.status).toBe(200);
    expect(reimported.body).toMatchObject({ total, created: 0, updated: total, failed: 0, errors: [] });
    expect(await countFor([paired[3]], '')).toBe(total);
  });

  it('an employer exports its own shortages only; other roles may not import', async () => {
    const employerUser = await factories.user('employer', { employerId: paired[4].id });
    const employer = await http.login(employerUser.username, TEST_PASSWORD);
    const exported = await download('/api/shortages/export', employer);
    expect(exported.status).toBe(200);
    const rows = await parseShortageRows(exported.body).catch(() => []);
    expect(rows.length).toBe(await countFor([paired[4]], ''));
    expect(rows.every((r) => r.cells['统一社会信用代码'] === paired[4].creditCode)).toBe(true);

    const refused = await upload(employer, await workbookOf([goodRow('EMP-1', paired[4].creditCode, 1)]));
    expect(refused.status).toBe(403);
    const seeker = await http.login((await factories.user('seeker')).username, TEST_PASSWORD);
    expect((await download('/api/shortages/export', seeker)).status).toBe(403);
  });

  it('only the requester or an admin may follow a background import', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => goodRow(`OWN-${i}`, paired[5].creditCode, i));
    const submitted = await upload(officer, await workbookOf(rows));
    expect(submitted.status).toBe(202);
    const other = await http.login((await factories.user('officer')).username, TEST_PASSWORD);
    const hidden = await other.get(`/api/shortages/import/${submitted.body.id}`);
    expect(hidden.status).toBe(404);
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const { job } = await waitForJob(admin, submitted.body.id);
    expect(job.report).toMatchObject({ total: 501, created: 501, failed: 0 });
  }, 30_000);

  it('all-or-nothing in the background: one bad row among 600 and nothing is written', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => goodRow(`BGAON-${i}`, paired[6].creditCode, i));
    rows[450].行业编码 = '0000';
    const submitted = await upload(officer, await workbookOf(rows), '?mode=all_or_nothing');
    expect(submitted.status).toBe(202);
    const { job } = await waitForJob(officer, submitted.body.id);
    expect(job.report).toEqual({
      mode: 'all_or_nothing', total: 600, created: 0, updated: 0, failed: 1,
      errors: [{ row: 452, column: '行业编码', message: '行业编码“0000”不存在' }], locations: [],
    });
    // The stored report is read in the language of each request.
    const english = await officer.get(`/api/shortages/import/${submitted.body.id}`, { 'accept-language': 'en' });
    expect(english.body.report.errors).toEqual([{ row: 452, column: '行业编码', message: 'Unknown industry code "0000"' }]);
    expect(await countFor(paired, 'BGAON-')).toBe(0);
  }, 30_000);

  it('a background run resumes after its last committed chunk; a finished job is left alone; an unreadable file fails the job', async () => {
    const jobs = t.app.get(ImportJobsService);
    const repository = dataSource.getRepository(ImportJob);
    const file = await workbookOf(Array.from({ length: 600 }, (_, i) => goodRow(`RES-${i}`, paired[7].creditCode, i)));
    // As if a worker died after committing the first chunk (500 rows): only the rest is imported.
    const interrupted = await repository.save({
      kind: 'shortages' as const, status: 'running' as const, mode: 'partial' as const, file, fileName: 'resume.xlsx', total: 600, processed: 500,
      requestedBy: officerId, requestedRole: 'officer' as const,
    });
    await jobs.run(interrupted.id);
    expect(await repository.findOneByOrFail({ id: interrupted.id })).toMatchObject({ status: 'done', processed: 600, created: 100, failed: 0 });
    expect(await countFor([paired[7]], 'RES-')).toBe(100);
    await jobs.run(interrupted.id); // re-delivered message
    expect(await repository.findOneByOrFail({ id: interrupted.id })).toMatchObject({ status: 'done', processed: 600, created: 100, updated: 0 });
    expect(await countFor([paired[7]], 'RES-')).toBe(100);

    const broken = await repository.save({
      kind: 'shortages' as const, mode: 'partial' as const, file: Buffer.from('PK not really a workbook'), fileName: 'broken.xlsx', total: 600,
      requestedBy: officerId, requestedRole: 'officer' as const,
    });
    // Handed to the matcher as submit does: an `import.requested` outbox row in the row's transaction (here, its own).
    await t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(() => t.app.get(OutboxService).record('import.requested', broken.id)));
    const { job } = await waitForJob(officer, broken.id);
    expect(job).toMatchObject({ status: 'failed', report: null, failureReason: '无法读取该文件，请使用平台提供的模板并另存为 .xlsx 后再上传' });
    expect(job.finishedAt).toBeTruthy();
  }, 30_000);

  it('refuses what is not an .xlsx template, in Chinese', async () => {
    const csv = await upload(officer, Buffer.from('需求编号,岗位名称\n1,护理员'), '', 'shortages.csv');
    expect(csv.status).toBe(415);
    expect(csv.body).toMatchObject({ code: 'IMPORT_NOT_XLSX', message: expect.stringContaining('只支持 .xlsx') });

    const wrongHeaders = new Workbook();
    wrongHeaders.addWorksheet('Sheet1').addRow(['编号', '岗位名称']);
    wrongHeaders.getWorksheet('Sheet1')!.addRow(['1', '护理员']);
    const missing = await upload(officer, Buffer.from(await wrongHeaders.xlsx.writeBuffer()));
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('IMPORT_COLUMNS_MISSING');
    expect(missing.body.message).toContain('需求编号、统一社会信用代码');

    const huge = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await upload(officer, huge, '', 'huge.xlsx');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '文件不能超过 10 MB，请拆分后再导入' });

    const noFile = await officer.post('/api/shortages/import', { file: 'x' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('IMPORT_FILE_MISSING');
  });
});
