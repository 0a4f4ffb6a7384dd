import { randomBytes } from 'node:crypto';
import { buildShortageTemplate } from '@app/employer-demand';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { OpenApiDocument, resolve, Schema } from './malformed-requests';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/**
 * The five causes of 500s from bad input that the outside probe found (issue 12, finding 7), each a 400 now:
 * deep nesting, NUL bytes, explicit nulls for optional fields, `{"occupationCode": null}` on the screen, a
 * truncated workbook.
 */
describe('bad input that used to give 500s', () => {
  let t: TestApp;
  let admin: HttpClient;
  let seekerClient: HttpClient;
  let document: OpenApiDocument;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    const factories = new Factories(t.app);
    const http = new HttpClient(t.app);
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const employer = await factories.employer();
    const seeker = await factories.seeker();
    seekerClient = await http.login((await factories.user('seeker', { seekerId: seeker.id })).username, TEST_PASSWORD);
    ids.employers = employer.id;
    ids.users = (await factories.user('officer')).id;
    const shortage = await admin.post('/api/shortages', {
      employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 5, wageMin: 4500, wageMax: 6500,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区金垦路 8 号', startDate: inDays(7), deadline: inDays(60),
      description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。',
    });
    expect(shortage.status).toBe(201);
    ids.shortages = shortage.body.id;
    const station = await admin.post('/api/stations', {
      name: '龙华区就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32, capacity: 100, booths: 10,
    });
    expect(station.status).toBe(201);
    ids.stations = station.body.id;
    document = (await http.get('/docs/openapi.json')).body;
  });
  afterAll(() => t.close());

  it('JSON nested 1,500 and 2,500 levels deep is a 400, not a stack overflow', async () => {
    for (const levels of [1500, 2500]) {
      for (const [method, url] of [['PATCH', `/api/shortages/${ids.shortages}`], ['POST', '/api/screen'], ['PATCH', `/api/employers/${ids.employers}`]] as const) {
        const response = await admin.request(method, url, deep(levels), { 'content-type': 'application/json' });
        expect([levels, url, response.status, response.body.code]).toEqual([levels, url, 400, 'BODY_TOO_DEEP']);
      }
    }
  });

  it('a NUL byte in any string is a 400 at the edge: login, PATCH bodies, list queries, search filters', async () => {
    const nul = 'a\u0000b';
    const cases: [HttpClient, 'GET' | 'POST' | 'PATCH', string, unknown?][] = [
      [new HttpClient(t.app), 'POST', '/api/auth/login', { username: nul, password: 'whatever-1' }],
      [new HttpClient(t.app), 'POST', '/api/auth/login', { username: 'someone', password: nul }],
      [admin, 'PATCH', `/api/users/${ids.users}`, { displayName: nul }],
      [admin, 'PATCH', `/api/employers/${ids.employers}`, { address: `海口市${nul}` }],
      [admin, 'PATCH', `/api/shortages/${ids.shortages}`, { title: nul }],
      [admin, 'PATCH', `/api/shortages/${ids.shortages}`, { requiredSkills: [{ name: nul, level: 2 }] }],
      [admin, 'PATCH', `/api/stations/${ids.stations}`, { name: nul }],
      [seekerClient, 'PATCH', '/api/seekers/me', { fullName: nul }],
      [admin, 'GET', '/api/users?q=%00'],
      [admin, 'GET', '/api/shortages?q=%00'],
      [admin, 'GET', '/api/stations?q=%00'],
      [admin, 'GET', '/api/jobs/search?skills=%00'],
      [admin, 'GET', '/api/seekers/search?priorityGroups=%00'],
      [admin, 'GET', '/api/seekers/search?skills=a%00b&q=x'],
      [admin, 'POST', '/api/shortages/%00/close', {}],
    ];
    for (const [client, method, url, body] of cases) {
      const response = await client.request(method, url, body);
      expect([method, url, response.status, response.body.code]).toEqual([method, url, 400, 'INVALID_CHARACTERS']);
    }
  });

  it('an explicit null for an optional field is a 400 naming the field, unless the field is declared nullable', async () => {
    const patches: [HttpClient, string, string][] = [
      [admin, `/api/users/${ids.users}`, 'UpdateUserRequest'],
      [admin, `/api/employers/${ids.employers}`, 'UpdateEmployerRequest'],
      [admin, `/api/shortages/${ids.shortages}`, 'UpdateShortageRequest'],
      [admin, `/api/stations/${ids.stations}`, 'UpdateStationRequest'],
      [seekerClient, '/api/seekers/me', 'UpdateSeekerProfileRequest'],
    ];
    let refused = 0;
    for (const [client, url, schemaName] of patches) {
      const schema = resolve(document, { $ref: `#/components/schemas/${schemaName}` });
      for (const [field, property] of Object.entries(schema.properties ?? {}) as [string, Schema & { nullable?: boolean }][]) {
        const response = await client.patch(url, { [field]: null });
        if (property.nullable) {
          expect([url, field, response.status < 500]).toEqual([url, field, true]);
          continue;
        }
        expect([url, field, response.status, response.body.code]).toEqual([url, field, 400, 'VALIDATION_FAILED']);
        expect(response.body.details).toEqual([{ field, message: expect.stringContaining('null') }]);
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(31);
  });

  it('POST /api/screen with {"occupationCode": null} is a 400 naming the field', async () => {
    const response = await admin.post('/api/screen', { occupationCode: null, title: '护理员', description: '负责老人生活照料，协助康复训练。' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'occupationCode', message: expect.any(String) }]);
  });

  it('a truncated .xlsx upload is a 400 that says the file cannot be read', async () => {
    const whole = Buffer.from(await buildShortageTemplate().xlsx.writeBuffer());
    const boundary = `----pes${randomBytes(8).toString('hex')}`;
    const officer = await new HttpClient(t.app).login((await new Factories(t.app).user('officer')).username, TEST_PASSWORD);
    for (const fraction of [0.3, 0.6, 0.95]) {
      const file = whole.subarray(0, Math.floor(whole.length * fraction));
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const response = await officer.request('POST', '/api/shortages/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect([fraction, response.status, response.body.code]).toEqual([fraction, 400, 'IMPORT_UNREADABLE']);
      expect(response.body.message).toContain('无法读取该文件');
    }
    // The upload itself cut short: the multipart body ends inside the file, without its closing boundary.
    for (const fraction of [0.5, 1]) {
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
        whole.subarray(0, Math.floor(whole.length * fraction)),
      ]);
      const response = await officer.request('POST', '/api/shortages/import', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect([fraction, response.status, response.body.code]).toEqual([fraction, 400, 'IMPORT_UPLOAD_INCOMPLETE']);
      expect(response.body.message).toContain('上传不完整');
    }
  });
});
