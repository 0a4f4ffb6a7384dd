import { getDataSourceToken } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditLog } from '@app/audit';
import { TERMS_VERSION } from '@app/auth';
import { makeResidentId } from '@app/identifiers';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 17, a fuller profile: education and work history, job-seeking status and self-introduction; the ID number
 * and phone masked on her own page with an audited reveal; the export as a readable Excel workbook beside the JSON;
 * deletion with what the README says stays (the audit log) and what goes (account, profile, codes).
 */
describe('seeker profile: history, masking with reveal, Excel export, deletion', () => {
  let t: TestApp;
  let http: HttpClient;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  let sequence = 700;
  async function seeker() {
    const n = sequence++;
    const residentId = makeResidentId('460106', '1992-08-20', n);
    const phone = `1365555${String(n).padStart(4, '0')}`;
    const username = `profile-${n}`;
    const registered = await http.post('/api/seekers/register', {
      name: '符春花', residentId, phone, regionCode: '460106', username, password: 'long-enough-pw', termsVersion: TERMS_VERSION, acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    const token = (await http.post('/api/auth/login', { username, password: 'long-enough-pw' })).body.accessToken as string;
    return { residentId, phone, username, token, id: registered.body.id as string, client: http.as(token) };
  }

  const history = {
    educationHistory: [
      { school: '海南职业技术学院', major: '护理', level: 'college', from: '2011-09', to: '2014-07' },
      { school: '海口市第一中学', level: 'senior_high', from: '2008-09', to: '2011-07' },
    ],
    workHistory: [
      { employer: '海口市颐养中心', title: '护理员', occupationCode: '4-10-01-05', from: '2018-03', to: null, description: '负责失能老人的生活照料' },
      { employer: '三亚某酒店', title: '客房服务员', from: '2014-08', to: '2018-02' },
    ],
    jobSeekingStatus: 'open_to_offers',
    selfIntroduction: '做事细心，有八年服务行业经验。',
  };

  it('keeps education and work history, job-seeking status and a self-introduction', async () => {
    const { client } = await seeker();
    const saved = await client.patch('/api/seekers/me', history);
    expect(saved.status).toBe(200);
    const me = (await client.get('/api/seekers/me')).body;
    expect(me).toMatchObject(history);
    // Clearing the history is an empty list.
    expect((await client.patch('/api/seekers/me', { workHistory: [] })).body.workHistory).toEqual([]);
  });

  it('refuses bad history entries with a clear 400 in Chinese or English', async () => {
    const { client } = await seeker();
    const cases: [unknown, string, string][] = [
      [{ educationHistory: [{ school: '海南大学', level: 'bachelor', from: '2020-13' }] }, 'educationHistory.0.from：必须是年月，格式 YYYY-MM', 'from must be a month as YYYY-MM'],
      [{ educationHistory: [{ school: '海南大学', level: 'phd', from: '2020-09' }] }, 'educationHistory.0.level：必须是以下值之一', 'level must be one of the following values'],
      [{ workHistory: [{ employer: '', title: '厨师', from: '2020-01' }] }, 'workHistory.0.employer：长度不能少于 1 个字符', 'employer must be longer than or equal to 1 characters'],
      [{ workHistory: [{ employer: '某饭店', title: '厨师', from: '2020-01', occupationCode: '9-99' }] }, 'occupationCode', 'occupationCode'],
      [{ jobSeekingStatus: 'maybe' }, 'jobSeekingStatus：必须是以下值之一', 'jobSeekingStatus must be one of the following values'],
      [{ selfIntroduction: '长'.repeat(1001) }, 'selfIntroduction：长度不能超过 1000 个字符', 'selfIntroduction must be shorter than or equal to 1000 characters'],
      [{ workHistory: 'lots' }, 'workHistory', 'workHistory'],
    ];
    for (const [body, zh, en] of cases) {
      const inChinese = await client.patch('/api/seekers/me', body);
      expect(inChinese.status).toBe(400);
      expect(JSON.stringify(inChinese.body.details)).toContain(zh);
      const inEnglish = await client.patch('/api/seekers/me', body, { 'accept-language': 'en' });
      expect(inEnglish.status).toBe(400);
      expect(JSON.stringify(inEnglish.body.details)).toContain(en);
    }
  });

  it('masks her ID number and phone on her own page; the reveal gives them in full and is audited', async () => {
    const { client, residentId, phone, username } = await seeker();
    const me = (await client.get('/api/seekers/me')).body;
    expect(me.residentId).toBe(`${residentId.slice(0, 3)}***********${residentId.slice(-4)}`);
    expect(me.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const [{ id: userId }] = await db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    const audited = () => db.getRepository(AuditLog).countBy({ userId, action: 'POST /api/seekers/me/reveal', result: 'success' });
    expect(await audited()).toBe(0);
    const revealed = await client.post('/api/seekers/me/reveal');
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ residentId, phone });
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(await audited()).toBe(1);
    // Other roles never reach it.
    expect((await http.post('/api/seekers/me/reveal')).status).toBe(401);
  });

  it('exports her data as a readable Excel workbook beside the JSON', async () => {
    const { client, residentId, phone, token } = await seeker();
    await client.patch('/api/seekers/me', history);
    const json = (await client.get('/api/seekers/me/export')).body;
    expect(json.profile).toMatchObject({ residentId, phone, educationHistory: history.educationHistory, selfIntroduction: history.selfIntroduction });

    const response = await t.app.inject({ method: 'GET', url: '/api/seekers/me/export.xlsx', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain('my-data.xlsx');
    const book = new Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['基本信息', '教育经历', '工作经历', '技能与证书', '投递记录']);
    const text = (name: string) => JSON.stringify(book.getWorksheet(name)!.getSheetValues());
    expect(text('基本信息')).toContain('符春花');
    expect(text('基本信息')).toContain('在职，考虑机会');
    expect(text('基本信息')).toContain(`${residentId.slice(0, 3)}***********${residentId.slice(-4)}`);
    expect(text('教育经历')).toContain('海南职业技术学院');
    expect(text('教育经历')).toContain('大专');
    expect(text('工作经历')).toContain('养老护理员（4-10-01-05）');
    expect(text('工作经历')).toContain('至今');
    // Masked there, as every export (security.md).
    const all = book.worksheets.map((s) => JSON.stringify(s.getSheetValues())).join();
    expect(all).not.toContain(residentId);
    expect(all).not.toContain(phone);
  });

  it('deletes her account: profile, account and code records go, the audit log stays', async () => {
    const { client, id, phone, username } = await seeker();
    const [{ id: userId }] = await db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    expect((await http.post('/api/auth/codes', { phone, purpose: 'sign_in' })).status).toBe(202);
    expect((await client.request('DELETE', '/api/seekers/me')).status).toBe(204);
    expect(await db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM seeker WHERE id = $1`, [id])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM sms_code WHERE user_id = $1`, [userId])).toHaveLength(0);
    expect(await db.getRepository(AuditLog).countBy({ userId })).toBeGreaterThan(0);
    expect((await client.get('/api/seekers/me')).status).toBe(401);
    expect((await http.post('/api/auth/login', { username, password: 'long-enough-pw' })).status).toBe(401);
    // The number is free again: a new registration with it signs in by phone.
    const n = sequence++;
    expect((await http.post('/api/seekers/register', {
      name: '符春花', residentId: makeResidentId('460106', '1992-08-20', n), phone, regionCode: '460106', username: `profile-${n}`, password: 'long-enough-pw',
    })).status).toBe(201);
    expect((await http.post('/api/auth/login', { username: phone, password: 'long-enough-pw' })).status).toBe(200);
  });
});
