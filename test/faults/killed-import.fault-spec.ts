import { Client } from 'pg';
import { shanghaiDate } from '@app/clock';
import { buildShortageTemplate, SHORTAGE_HEADERS, SHORTAGE_SHEET } from '@app/employer-demand';
import { createTestApp, Factories, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { PlatformProcess, reportFigures, waitFor } from './fault-kit';

/**
 * Fault scenario (release script, `npm run faults`): the platform process is killed (SIGKILL) while a background
 * Excel import is part-way through, then started again. The import resumes after its last committed chunk once
 * BullMQ finds the job stalled (its lock lapses: about 30 s, hence not in CI), ends `done`, and every row is there
 * exactly once. The platform runs as a real child process on this scenario's own database and queue prefix.
 */
describe('fault: the platform killed mid-import', () => {
  const ROWS = 20_000;
  let seeding: TestApp;
  let platform: PlatformProcess;
  let db: Client;
  let officer: { id: string; username: string };
  const employers: { id: string; creditCode: string }[] = [];

  beforeAll(async () => {
    // Accounts and employers are made in-process on the scenario's database; the app is then closed (the database stays).
    seeding = await createTestApp(HTTP_FEATURES);
    const factories = new Factories(seeding.app);
    officer = await factories.user('officer', { regionCode: '460100' });
    for (let i = 0; i < 5; i++) {
      const employer = await factories.employer();
      await factories.pairing(officer.id, employer.id);
      employers.push(employer);
    }
    await seeding.app.close();
    platform = await PlatformProcess.create({ DATABASE_URL: seeding.config.DATABASE_URL, QUEUE_PREFIX: seeding.config.QUEUE_PREFIX });
    db = new Client({ connectionString: seeding.config.DATABASE_URL });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await platform?.kill();
    await db?.end();
    await seeding?.database.drop();
  });

  const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));
  async function workbook(): Promise<Buffer> {
    const book = buildShortageTemplate();
    const sheet = book.getWorksheet(SHORTAGE_SHEET)!;
    for (let i = 0; i < ROWS; i++) {
      const row: Record<string, string | number> = {
        需求编号: `FAULT-${String(i).padStart(6, '0')}`, 统一社会信用代码: employers[i % employers.length].creditCode, 岗位名称: '养老护理员',
        职业编码: '4-10-01-05 养老护理员', 行业编码: '8514', 招聘人数: 1 + (i % 20), '工资下限（元/月）': 4000, '工资上限（元/月）': 6500,
        用工形式: '全职', 工作地区编码: '460106 龙华区', 工作地点: '海口市龙华区金垦路 8 号', 到岗日期: inDays(10), 截止日期: inDays(60),
        岗位描述: '负责失能老人生活照料、协助康复训练，按规定缴纳社会保险。', 学历要求: '初中', 经验年限: 1,
      };
      sheet.addRow(SHORTAGE_HEADERS.map((header) => row[header] ?? null));
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const job = async (id: string) => (await db.query(`SELECT status, processed, total FROM import_job WHERE id = $1`, [id])).rows[0];
  const count = async (sql: string) => (await db.query(sql)).rows[0].n as number;

  it(`${ROWS} rows, killed part-way: resumes after a restart and every row is there once`, async () => {
    await platform.start();
    const token = await platform.login(officer.username, TEST_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await workbook())]), 'fault.xlsx');
    const submitted = await fetch(`${platform.baseUrl}/api/shortages/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const body = (await submitted.json()) as { id: string };
    expect(submitted.status).toBe(202);

    await waitFor('the import to commit its first chunk', async () => (await job(body.id)).processed > 0, 120_000, 50);
    await platform.kill();
    const atKill = await job(body.id);
    expect(atKill.status).toBe('running');
    expect(atKill.processed).toBeLessThan(ROWS);
    const rowsAtKill = await count(`SELECT count(*)::int AS n FROM shortage WHERE external_ref LIKE 'FAULT-%'`);

    const killedAt = Date.now();
    await platform.start();
    await waitFor('the import to end after the restart', async () => ['done', 'failed'].includes((await job(body.id)).status), 240_000, 500);
    const resumedInMs = Date.now() - killedAt;
    const final = await job(body.id);
    expect(final).toMatchObject({ status: 'done', processed: ROWS, total: ROWS });
    expect(await count(`SELECT count(*)::int AS n FROM shortage WHERE external_ref LIKE 'FAULT-%'`)).toBe(ROWS);
    expect(await count(`SELECT count(DISTINCT (employer_id, external_ref))::int AS n FROM shortage WHERE external_ref LIKE 'FAULT-%'`)).toBe(ROWS);

    reportFigures('killed mid-import', { rows: ROWS, processedAtKill: atKill.processed, rowsCommittedAtKill: rowsAtKill, doneAfterKillMs: resumedInMs, rowsAfter: ROWS });
  }, 400_000);
});
