import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { Factories, HttpClient, TEST_PASSWORD, createTestApp, TestApp } from '@app/testing';

describe('user administration', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let admin: HttpClient;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_MAX_FAILURES: '2', LOGIN_LOCK_MINUTES: '15' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    const account = await factories.user('admin');
    adminId = account.id;
    admin = await http.login(account.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('finds accounts by role and by part of the username or display name', async () => {
    await factories.user('station_staff', { username: 'staff-wanning-07' });
    await factories.user('officer', { username: 'officer-wanning-01' });
    const staff = await admin.get('/api/users?role=station_staff&q=WANNING');
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((u: { username: string }) => u.username)).toEqual(['staff-wanning-07']);
    const both = await admin.get('/api/users?q=wanning');
    expect(both.body.total).toBe(2);
    // LIKE wildcards are taken literally.
    expect((await admin.get('/api/users?q=%25')).body.total).toBe(0);
  });

  it('disables an account: its token stops working at once and it cannot sign in; re-enabling restores both', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const session = await http.login(officer.username, TEST_PASSWORD);
    expect((await session.get('/api/auth/me')).status).toBe(200);

    const disabled = await admin.patch(`/api/users/${officer.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: officer.id, disabled: true });
    expect((await session.get('/api/auth/me')).status).toBe(401);
    // Tried more often than LOGIN_MAX_FAILURES (2) with the right password: still "disabled", never locked.
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await http.post('/api/auth/login', { username: officer.username, password: TEST_PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('账号已停用');
    }

    expect((await admin.patch(`/api/users/${officer.id}`, { disabled: false })).body.disabled).toBe(false);
    expect((await http.post('/api/auth/login', { username: officer.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('renames, moves to another region or to the whole province, and lifts a sign-in lock', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const moved = await admin.patch(`/api/users/${officer.id}`, { displayName: '符海燕', regionCode: '460200' });
    expect(moved.body).toMatchObject({ displayName: '符海燕', regionCode: '460200' });
    expect((await admin.patch(`/api/users/${officer.id}`, { regionCode: null })).body.regionCode).toBeNull();

    for (let i = 0; i < 2; i++) await http.post('/api/auth/login', { username: officer.username, password: 'wrong-password' });
    expect((await http.post('/api/auth/login', { username: officer.username, password: TEST_PASSWORD })).status).toBe(423);
    const listed = await admin.get(`/api/users?q=${officer.username}`);
    expect(listed.body.items[0].locked).toBe(true);
    expect((await admin.patch(`/api/users/${officer.id}`, { locked: false })).body.locked).toBe(false);
    expect((await http.post('/api/auth/login', { username: officer.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses bad changes with a reason, and leaves the account as it was', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const self = await admin.patch(`/api/users/${adminId}`, { disabled: true });
    expect(self.status).toBe(400);
    expect(self.body.message).toBe('不能停用自己的账号');
    expect((await admin.get('/api/auth/me')).status).toBe(200);

    const unknownField = await admin.patch(`/api/users/${officer.id}`, { role: 'admin' });
    expect(unknownField.status).toBe(400);
    const badRegion = await admin.patch(`/api/users/${officer.id}`, { regionCode: '999999' });
    expect(badRegion.status).toBe(400);
    expect((await admin.patch(`/api/users/${officer.id}`, { locked: true })).status).toBe(400);
    expect((await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { disabled: true })).status).toBe(404);
    const after = await admin.get(`/api/users?q=${officer.username}`);
    expect(after.body.items[0]).toMatchObject({ role: 'officer', regionCode: '460100', disabled: false });
  });

  it('is for administrators only', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const other = await factories.user('station_staff');
    const session = await http.login(officer.username, TEST_PASSWORD);
    expect((await session.patch(`/api/users/${other.id}`, { disabled: true })).status).toBe(403);
    expect((await session.get('/api/users')).status).toBe(403);
  });
});
