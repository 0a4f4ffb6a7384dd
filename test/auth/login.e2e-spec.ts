import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { Factories, HttpClient, TEST_PASSWORD, createTestApp, TestApp } from '@app/testing';

describe('sign-in', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  it('issues a token that identifies the user and their role', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const response = await http.post('/api/auth/login', { username: officer.username.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.tokenType).toBe('Bearer');
    const me = await http.as(response.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: officer.id, role: 'officer', regionCode: '460100' });
  });

  it('refuses a wrong password or unknown user with the same message, in Chinese by default and English on request', async () => {
    const user = await factories.user('seeker');
    const wrong = await http.post('/api/auth/login', { username: user.username, password: 'wrong-password' });
    const unknown = await http.post('/api/auth/login', { username: 'nobody-here', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
    const english = await http.post('/api/auth/login', { username: user.username, password: 'x' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.body.message).toBe('Wrong username or password');
  });

  it('locks the account after repeated failures, even for the right password, and says for how long', async () => {
    const user = await factories.user('employer');
    for (let i = 0; i < 3; i++) {
      expect((await http.post('/api/auth/login', { username: user.username, password: 'bad-password' })).status).toBe(401);
    }
    const locked = await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.message).toContain('15 分钟');
  });

  it('rejects requests with a missing, forged or expired token', async () => {
    expect((await http.get('/api/auth/me')).status).toBe(401);
    const forged = await http.as('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').get('/api/auth/me');
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a correctly signed token that names no account, or its account under another token version (a new account has version 0)', async () => {
    const jwt = t.app.get(JwtService);
    const user = await factories.user('officer', { regionCode: '460100' });
    const tokens = [
      jwt.sign({ sub: 'not-an-account-id', ver: 0 }),
      jwt.sign({ sub: randomUUID(), ver: 0 }),
      jwt.sign({ sub: user.id, ver: 1 }),
    ];
    for (const token of tokens) {
      const me = await http.as(token).get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('TOKEN_INVALID');
    }
    expect((await http.as(jwt.sign({ sub: user.id, ver: 0 })).get('/api/auth/me')).body).toMatchObject({ userId: user.id, role: 'officer' });
  });
});

describe('login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers 429 once a client exceeds the per-minute login limit', async () => {
    const http = new HttpClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await http.post('/api/auth/login', { username: `x${i}`, password: 'y' })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
