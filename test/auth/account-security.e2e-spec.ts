import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@app/audit';
import { TERMS_VERSION } from '@app/auth';
import { makeResidentId } from '@app/identifiers';
import { LoggingSmsSender, SmsSender } from '@app/notifications';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 17, accounts: sign-in by username or phone, with a password or a one-time SMS code; password reset by code;
 * password change ending the other sessions; the versioned privacy-policy and terms consent. The codes are read from
 * the offline SMS adapter's outbox (SMS_SENDER=log), never from the database, which holds only their keyed hashes.
 */
describe('accounts: phone sign-in, SMS codes, password change and reset, terms consent', () => {
  let t: TestApp;
  let http: HttpClient;
  let db: DataSource;
  let sms: LoggingSmsSender;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15', SMS_CODE_RESEND_SECONDS: '60', SMS_CODE_MAX_PER_HOUR: '5' });
    http = new HttpClient(t.app);
    db = t.app.get<DataSource>(getDataSourceToken());
    sms = t.app.get(SmsSender) as LoggingSmsSender;
    expect(sms).toBeInstanceOf(LoggingSmsSender);
  });
  afterAll(() => t.close());

  let sequence = 300;
  /** A seeker who registered herself with a phone and agreed to the current terms. */
  async function registered(overrides: Record<string, unknown> = {}) {
    const n = sequence++;
    const phone = `1391234${String(n).padStart(4, '0')}`;
    const username = `acct-${n}`;
    const password = 'first-password-1';
    const response = await http.post('/api/seekers/register', {
      name: '黎海燕', residentId: makeResidentId('460106', '1994-02-03', n), phone, regionCode: '460106', username, password,
      termsVersion: TERMS_VERSION, acceptTerms: true, ...overrides,
    });
    expect(response.status).toBe(201);
    return { phone, username, password, seekerId: response.body.id as string };
  }

  /** The six digits of the latest SMS of a template sent to the number. */
  function lastCode(phone: string, template: 'SIGN_IN_CODE' | 'PASSWORD_RESET_CODE' = 'SIGN_IN_CODE'): string {
    const kept = sms.outbox(phone).filter((m) => m.template === template);
    expect(kept.length).toBeGreaterThan(0);
    return /验证码为(\d{6})/.exec(kept[kept.length - 1].text)![1];
  }

  /** Lets the next code be asked at once (the per-number pause is tested on its own). */
  const allowNextCode = () => db.query(`UPDATE sms_code SET created_at = created_at - interval '2 minutes'`);

  it('signs in by username or by phone with the password; the display name may be Chinese', async () => {
    const { phone, username, password } = await registered();
    for (const name of [username, username.toUpperCase(), phone]) {
      const signedIn = await http.post('/api/auth/login', { username: name, password });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.principal).toMatchObject({ role: 'seeker', displayName: '黎海燕', consentRequired: false });
    }
    expect((await http.post('/api/auth/login', { username: phone, password: 'not-the-password' })).status).toBe(401);
  });

  it('a code signs in once; the database holds only a keyed hash; wrong, used and expired codes are refused alike', async () => {
    const { phone } = await registered();
    const asked = await http.post('/api/auth/codes', { phone, purpose: 'sign_in' });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = lastCode(phone);
    const rows = await db.query(`SELECT code_hash, expires_at, used_at FROM sms_code WHERE user_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.query(`SELECT * FROM sms_code`))).not.toContain(code);

    const wrong = await http.post('/api/auth/login/code', { phone, code: code === '000000' ? '000001' : '000000' }, { 'accept-language': 'en' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'CODE_INVALID', message: 'The code is wrong, used or expired; ask for a new one' });
    const signedIn = await http.post('/api/auth/login/code', { phone, code });
    expect(signedIn.status).toBe(200);
    expect((await http.as(signedIn.body.accessToken).get('/api/seekers/me')).status).toBe(200);
    const again = await http.post('/api/auth/login/code', { phone, code });
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('验证码错误或已失效，请重新获取');

    await allowNextCode();
    expect((await http.post('/api/auth/codes', { phone, purpose: 'sign_in' })).status).toBe(202);
    const late = lastCode(phone);
    await db.query(`UPDATE sms_code SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await http.post('/api/auth/login/code', { phone, code: late })).body.code).toBe('CODE_INVALID');
  });

  it('a newer code replaces the older one', async () => {
    const { phone } = await registered();
    await http.post('/api/auth/codes', { phone, purpose: 'sign_in' });
    const first = lastCode(phone);
    await allowNextCode();
    await http.post('/api/auth/codes', { phone, purpose: 'sign_in' });
    const second = lastCode(phone);
    if (first !== second) expect((await http.post('/api/auth/login/code', { phone, code: first })).status).toBe(401);
    expect((await http.post('/api/auth/login/code', { phone, code: second })).status).toBe(200);
  });

  it('answers an unknown number exactly like a registered one, sends it nothing, and limits both alike', async () => {
    const { phone } = await registered();
    const unknown = '13999990001';
    const before = sms.outbox().length;
    const [known, stranger] = await Promise.all([
      http.post('/api/auth/codes', { phone, purpose: 'sign_in' }),
      http.post('/api/auth/codes', { phone: unknown, purpose: 'sign_in' }),
    ]);
    expect([known.status, stranger.status]).toEqual([202, 202]);
    expect(stranger.body).toEqual(known.body);
    expect(sms.outbox(unknown)).toHaveLength(0);
    expect(sms.outbox().length).toBe(before + 1);
    // At once again: both refused with the same pause.
    for (const number of [phone, unknown]) {
      const soon = await http.post('/api/auth/codes', { phone: number, purpose: 'sign_in' });
      expect(soon.status).toBe(429);
      expect(soon.body.code).toBe('CODE_TOO_SOON');
    }
    // A code for an unknown number never signs anyone in.
    expect((await http.post('/api/auth/login/code', { phone: unknown, code: '123456' })).body.code).toBe('CODE_INVALID');
  });

  it('simultaneous requests for one number send one code', async () => {
    const { phone } = await registered();
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => http.post('/api/auth/codes', { phone, purpose: 'sign_in' })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(sms.outbox(phone)).toHaveLength(1);
  });

  it('caps codes per number per hour', async () => {
    const { phone } = await registered();
    for (let i = 0; i < 5; i++) {
      expect((await http.post('/api/auth/codes', { phone, purpose: 'sign_in' })).status).toBe(202);
      await allowNextCode();
    }
    const capped = await http.post('/api/auth/codes', { phone, purpose: 'sign_in' }, { 'accept-language': 'en' });
    expect(capped.status).toBe(429);
    expect(capped.body).toMatchObject({ code: 'CODE_LIMIT', message: 'Too many codes for this number in the last hour; try again later' });
  });

  it('wrong codes count like wrong passwords: five lock the account, then even the right code is refused', async () => {
    const { phone, username, password } = await registered();
    await http.post('/api/auth/codes', { phone, purpose: 'sign_in' });
    const code = lastCode(phone);
    const wrongCode = code === '999999' ? '999998' : '999999';
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => http.post('/api/auth/login/code', { phone, code: wrongCode })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(3);
    const locked = await http.post('/api/auth/login/code', { phone, code });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect((await http.post('/api/auth/login', { username, password })).status).toBe(423);
  });

  it('resets the password with an SMS code: every session ends, the old password stops working', async () => {
    const { phone, username, password } = await registered();
    const session = await http.login(username, password);
    expect((await http.post('/api/auth/codes', { phone, purpose: 'password_reset' })).status).toBe(202);
    const code = lastCode(phone, 'PASSWORD_RESET_CODE');
    // A reset code does not sign in, and a sign-in code does not reset.
    expect((await http.post('/api/auth/login/code', { phone, code })).status).toBe(401);
    const reset = await http.post('/api/auth/password/reset', { phone, code, newPassword: 'brand-new-password' });
    expect(reset.status).toBe(204);
    expect((await session.get('/api/seekers/me')).status).toBe(401);
    expect((await http.post('/api/auth/login', { username, password })).status).toBe(401);
    expect((await http.post('/api/auth/login', { username, password: 'brand-new-password' })).status).toBe(200);
    expect((await http.post('/api/auth/password/reset', { phone, code, newPassword: 'another-password-2' })).status).toBe(401);
  });

  it('changes the password with the current one; the other sessions end, the caller gets a fresh token', async () => {
    const { username, password } = await registered();
    const here = await http.login(username, password);
    const elsewhere = await http.login(username, password);
    const wrong = await here.post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'second-password-2' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', message: '当前密码不正确' });
    const same = await here.post('/api/auth/password', { currentPassword: password, newPassword: password }, { 'accept-language': 'en' });
    expect(same.body).toMatchObject({ code: 'PASSWORD_UNCHANGED', message: 'The new password must differ from the current one' });
    const changed = await here.post('/api/auth/password', { currentPassword: password, newPassword: 'second-password-2' });
    expect(changed.status).toBe(200);
    expect((await http.as(changed.body.accessToken).get('/api/seekers/me')).status).toBe(200);
    expect((await here.get('/api/seekers/me')).status).toBe(401);
    expect((await elsewhere.get('/api/seekers/me')).status).toBe(401);
    expect((await http.post('/api/auth/login', { username, password: 'second-password-2' })).status).toBe(200);
  });

  it('asks for consent again when the terms version changed, and records version and time', async () => {
    const { username, password } = await registered();
    const terms = await http.get('/api/auth/terms');
    expect(terms.status).toBe(200);
    expect(terms.body.version).toBe(TERMS_VERSION);
    expect(terms.body.privacyPolicyZh).toContain('隐私政策');
    expect(terms.body.privacyPolicyEn).toContain('Privacy policy');
    await db.query(`UPDATE app_user SET terms_version = '2020-01-01' WHERE username = $1`, [username]);
    const signedIn = await http.post('/api/auth/login', { username, password });
    expect(signedIn.body.principal.consentRequired).toBe(true);
    const client = http.as(signedIn.body.accessToken);
    expect((await client.get('/api/auth/me')).body.consentRequired).toBe(true);
    const outdated = await client.post('/api/auth/terms/consent', { version: '2020-01-01', accept: true });
    expect(outdated.status).toBe(400);
    expect(outdated.body.code).toBe('TERMS_VERSION_OUTDATED');
    const agreed = await client.post('/api/auth/terms/consent', { version: TERMS_VERSION, accept: true });
    expect(agreed.status).toBe(200);
    expect(agreed.body.consentRequired).toBe(false);
    const [row] = await db.query(`SELECT terms_version, terms_accepted_at FROM app_user WHERE username = $1`, [username]);
    expect(row.terms_version).toBe(TERMS_VERSION);
    expect(Date.now() - new Date(row.terms_accepted_at).getTime()).toBeLessThan(60_000);
  });

  it('registration without the consent asks after sign-in; with an outdated version it is refused', async () => {
    const { username, password } = await registered({ termsVersion: undefined, acceptTerms: undefined });
    expect((await http.post('/api/auth/login', { username, password })).body.principal.consentRequired).toBe(true);
    const n = sequence++;
    const outdated = await http.post('/api/seekers/register', {
      name: '黎海燕', residentId: makeResidentId('460106', '1994-02-03', n), regionCode: '460106', username: `acct-${n}`, password: 'first-password-1',
      termsVersion: '2020-01-01', acceptTerms: true,
    });
    expect(outdated.status).toBe(400);
    expect(outdated.body.code).toBe('TERMS_VERSION_OUTDATED');
  });

  it('bad input is a clear 400 in Chinese or English, never a 500', async () => {
    const cases: [string, unknown, string, string][] = [
      ['/api/auth/codes', { phone: '12345', purpose: 'sign_in' }, '手机号码格式不正确', 'phone must be a mobile number'],
      ['/api/auth/codes', { phone: '13800001234', purpose: 'everything' }, 'purpose：必须是以下值之一', 'purpose must be one of the following values'],
      ['/api/auth/login/code', { phone: '13800001234', code: '12ab' }, '验证码应为 6 位数字', 'code must be the six digits of the SMS'],
      ['/api/auth/login/code', { phone: '13800001234', code: '123456', extra: 1 }, '不允许的字段', 'property extra should not exist'],
      ['/api/auth/password/reset', { phone: '13800001234', code: '123456', newPassword: 'short' }, 'newPassword：长度不能少于 10 个字符', 'newPassword must be longer than or equal to 10 characters'],
      ['/api/auth/password/reset', { phone: 13800001234, code: 123456 }, '手机号码格式不正确', 'phone must be a mobile number'],
    ];
    for (const [url, body, zh, en] of cases) {
      const inChinese = await http.post(url, body);
      expect(inChinese.status).toBe(400);
      expect(JSON.stringify(inChinese.body.details)).toContain(zh);
      const inEnglish = await http.post(url, body, { 'accept-language': 'en' });
      expect(inEnglish.status).toBe(400);
      expect(JSON.stringify(inEnglish.body.details)).toContain(en);
    }
    // A username may not look like a mobile number: it would stand in front of that person's phone sign-in.
    const n = sequence++;
    const phoneName = { name: '黎海燕', residentId: makeResidentId('460106', '1994-02-03', n), regionCode: '460106', username: '13912345678', password: 'first-password-1' };
    expect(JSON.stringify((await http.post('/api/seekers/register', phoneName)).body.details)).toContain('用户名不能是手机号码');
    expect(JSON.stringify((await http.post('/api/seekers/register', phoneName, { 'accept-language': 'en' })).body.details)).toContain('username must not be a mobile number');

    const { username, password } = await registered();
    const client = await http.login(username, password);
    expect((await client.post('/api/auth/password', { currentPassword: password, newPassword: 'short' })).status).toBe(400);
    expect((await client.post('/api/auth/terms/consent', { version: TERMS_VERSION, accept: false })).status).toBe(400);
    expect((await client.post('/api/auth/terms/consent', { version: TERMS_VERSION })).status).toBe(400);
  });

  it('audits every attempt, failed ones too', async () => {
    const audit = db.getRepository(AuditLog);
    const count = (action: string, result: 'success' | 'failed') => audit.countBy({ action, result });
    const before = {
      codeOk: await count('POST /api/auth/codes', 'success'),
      loginFailed: await count('POST /api/auth/login/code', 'failed'),
      loginOk: await count('POST /api/auth/login/code', 'success'),
    };
    const { phone } = await registered();
    await http.post('/api/auth/codes', { phone, purpose: 'sign_in' });
    await http.post('/api/auth/login/code', { phone, code: lastCode(phone) === '111111' ? '111112' : '111111' });
    await http.post('/api/auth/login/code', { phone, code: lastCode(phone) });
    expect(await count('POST /api/auth/codes', 'success')).toBe(before.codeOk + 1);
    expect(await count('POST /api/auth/login/code', 'failed')).toBe(before.loginFailed + 1);
    expect(await count('POST /api/auth/login/code', 'success')).toBe(before.loginOk + 1);
    // No number and no code in the audit log.
    expect(JSON.stringify(await audit.find())).not.toContain(phone);
  });
});
