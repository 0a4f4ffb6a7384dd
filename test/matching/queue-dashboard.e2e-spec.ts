import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mountQueueDashboard } from '@app/queue';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

describe('queue dashboard (bull-board) at /admin/queues', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, {}, mountQueueDashboard);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  it('lets an administrator in (password or token) and lists every queue', async () => {
    const admin = await factories.user('admin');
    const page = await http.request('GET', '/admin/queues', undefined, { authorization: basic(admin.username, TEST_PASSWORD) });
    expect(page.status).toBe(200);
    const token = (await http.post('/api/auth/login', { username: admin.username, password: TEST_PASSWORD })).body.accessToken;
    const queues = await http.request('GET', '/admin/queues/api/queues', undefined, { authorization: `Bearer ${token}` });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['domain-events', 'imports', 'maintenance', 'matching']);
  });

  it('refuses everyone else, with an audit row for each refusal', async () => {
    const officer = await factories.user('officer');
    expect((await http.request('GET', '/admin/queues')).status).toBe(401);
    expect((await http.request('GET', '/admin/queues', undefined, { authorization: basic(officer.username, 'wrong-password') })).status).toBe(401);
    const denied = await http.request('GET', '/admin/queues/api/queues', undefined, { authorization: basic(officer.username, TEST_PASSWORD) });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('仅限管理员访问任务队列面板');
    const rows = await t.app.get<DataSource>(getDataSourceToken()).query(
      `SELECT result, status_code FROM audit_log WHERE action LIKE '% /admin/queues' ORDER BY id`,
    );
    expect(rows).toEqual([
      { result: 'denied', status_code: 401 },
      { result: 'denied', status_code: 401 },
      { result: 'denied', status_code: 403 },
    ]);
  });
});

describe('queue dashboard in the demand API alone (the docker-compose shape)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('shows every queue to an administrator', async () => {
    t = await createTestApp([DemandApiModule], {}, mountQueueDashboard);
    const admin = await new Factories(t.app).user('admin');
    const queues = await new HttpClient(t.app).request('GET', '/admin/queues/api/queues', undefined, { authorization: basic(admin.username, TEST_PASSWORD) });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['domain-events', 'imports', 'maintenance', 'matching']);
  });
});
