import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** Bad input gets a 4xx with a clear message in the caller's language, never a 5xx or a stack trace. */
describe('bad input', () => {
  let t: TestApp;
  let admin: HttpClient;
  let anonymous: HttpClient;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { BODY_LIMIT_BYTES: '2048' });
    anonymous = new HttpClient(t.app);
    const user = await new Factories(t.app).user('admin');
    admin = await anonymous.login(user.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  const validUser = { username: 'valid-name', password: 'long-enough-1', role: 'officer', displayName: '王' };

  it('unknown fields are rejected and named', async () => {
    const response = await admin.post('/api/users', { ...validUser, isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual([{ field: 'isAdmin', message: 'isAdmin：不允许的字段' }]);
  });

  it('wrong types and out-of-range values name the field, in Chinese or in English', async () => {
    const zh = await admin.post('/api/users', { ...validUser, role: 'superuser', regionCode: '999999' });
    expect(zh.status).toBe(400);
    expect(zh.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['regionCode', 'role']);
    expect(zh.body.message).toContain('必须是以下值之一');
    expect(zh.body.message).toContain('999999');

    const en = await admin.get('/api/users?limit=5000&lang=en');
    expect(en.status).toBe(400);
    expect(en.body.message).toContain('limit must not be greater than 200');
  });

  it('a malformed JSON body is a 400, an oversized one a 413, an unsupported content type a 415', async () => {
    const malformed = await admin.request('POST', '/api/users', '{"username": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_BODY');

    const oversized = await admin.post('/api/users', { ...validUser, displayName: 'x'.repeat(4000) });
    expect(oversized.status).toBe(413);
    expect(oversized.body.message).toBe('请求内容过大');

    const xml = await admin.request('POST', '/api/users', '<user/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
  });

  it('a malformed id is a 400 that does not echo it; an unknown route is a 404', async () => {
    const badId = await admin.get('/api/employers/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.message).toBe('路径中的编号格式不正确，应为 UUID');
    const route = await anonymous.get('/api/no-such-thing');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('no error body carries a stack trace', async () => {
    const responses = [
      await admin.post('/api/users', { username: 1 }),
      await admin.request('POST', '/api/users', '[[[', { 'content-type': 'application/json' }),
      await anonymous.post('/api/auth/login', { username: ['a'], password: { $ne: 1 } }),
    ];
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(JSON.stringify(response.body)).not.toMatch(/\bat \S+\.(ts|js):\d+|node_modules/);
    }
  });
});
