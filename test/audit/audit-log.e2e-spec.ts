import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@app/audit';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

describe('audit log', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let admin: HttpClient;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const adminUser = await factories.user('admin');
    adminId = adminUser.id;
    admin = await http.login(adminUser.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const rowsFor = (action: string) => dataSource.getRepository(AuditLog).find({ where: { action }, order: { id: 'ASC' } });

  it('a successful mutating request writes exactly one row naming user, role, action, object, result and source', async () => {
    const before = (await rowsFor('POST /api/users')).length;
    const created = await admin.post('/api/users', { username: 'audited-user', password: 'long-enough-1', role: 'officer', displayName: '审计测试' });
    expect(created.status).toBe(201);
    const rows = await rowsFor('POST /api/users');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ userId: adminId, role: 'admin', objectType: 'users', objectId: created.body.id, result: 'success', statusCode: 201 });
    expect(rows.at(-1)!.sourceIp).toBeTruthy();
  });

  it('a failed mutating request leaves no change and one "failed" row', async () => {
    const before = (await rowsFor('POST /api/users')).length;
    const duplicate = await admin.post('/api/users', { username: 'audited-user', password: 'long-enough-1', role: 'officer', displayName: '重复' });
    expect(duplicate.status).toBe(409);
    const rows = await rowsFor('POST /api/users');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ result: 'failed', statusCode: 409 });
  });

  it('the change and its audit row commit together: when the audit write fails, the change is rolled back', async () => {
    await dataSource.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_probe CHECK (action <> 'POST /api/users' OR result <> 'success') NOT VALID`);
    try {
      const response = await admin.post('/api/users', { username: 'never-committed', password: 'long-enough-1', role: 'officer', displayName: '回滚' });
      expect(response.status).toBe(500);
      expect(response.body.message).not.toMatch(/audit_probe|at .*\.ts/);
    } finally {
      await dataSource.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_probe`);
    }
    const users = await dataSource.query(`SELECT 1 FROM app_user WHERE username = 'never-committed'`);
    expect(users).toHaveLength(0);
  });

  it('denied accesses are recorded: no token, wrong role, and a foreign id', async () => {
    const seekerUser = await factories.user('seeker');
    const seeker = await http.login(seekerUser.username, TEST_PASSWORD);
    const employer = await factories.employer();
    const employerUser = await factories.user('employer', { employerId: (await factories.employer()).id });
    const otherEmployer = await http.login(employerUser.username, TEST_PASSWORD);

    expect((await http.get('/api/audit-log')).status).toBe(401);
    expect((await seeker.get('/api/audit-log')).status).toBe(403);
    expect((await otherEmployer.get(`/api/employers/${employer.id}`)).status).toBe(404);

    const denied = await dataSource.getRepository(AuditLog).find({ where: { result: 'denied' }, order: { id: 'ASC' } });
    expect(denied.map((row) => [row.action, row.statusCode, row.role])).toEqual(
      expect.arrayContaining([
        ['GET /api/audit-log', 401, null],
        ['GET /api/audit-log', 403, 'seeker'],
        ['GET /api/employers/:id', 404, 'employer'],
      ]),
    );
  });

  it('a failed login is recorded, and admins can read the log newest first', async () => {
    await http.post('/api/auth/login', { username: 'nobody', password: 'nothing' });
    const log = await admin.get('/api/audit-log?limit=5');
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ action: 'POST /api/auth/login', result: 'failed', statusCode: 401 });
  });

  it('rows cannot be updated or deleted, even by the database owner', async () => {
    await expect(dataSource.query(`UPDATE audit_log SET result = 'success'`)).rejects.toThrow(/cannot be changed/);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/kept at least 180 days/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/cannot be truncated/);
  });
});
