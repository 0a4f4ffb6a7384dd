import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { IndexReconcilerService } from '@app/indexing';
import { SEARCH_ENGINE, SEARCH_INDEXES, SearchEngine } from '@app/search';
import { captureLogs, createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const logs = captureLogs();
const logLines = logs.lines;

/** security.md invariant 4: no ID number and no mobile number in employer-role responses, error bodies, logs or index documents. */
describe('PII scan', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([logs.module, ...PLATFORM_FEATURES], { LOG_LEVEL: 'debug' });
  });
  afterAll(() => t.close());

  it('finds no ID number or phone where they must never appear', async () => {
    const http = new HttpClient(t.app);
    const factories = new Factories(t.app);
    const residentId = makeResidentId('460106', '1993-08-08', 321);
    const phone = '13812345678';
    const employerResponses: unknown[] = [];

    const registered = await http.post(`/api/seekers/register?ref=${residentId}`, {
      name: '陈海生', residentId, phone, regionCode: '460106', desiredOccupations: ['4-10-01-05'], username: 'chen-haisheng', password: 'long-enough-pw',
    });
    expect(registered.status).toBe(201);
    const duplicate = await http.post('/api/seekers/register', { name: '陈海生', residentId, phone, regionCode: '460106', username: 'other-name', password: 'long-enough-pw' });
    const badPhone = await http.post('/api/seekers/register', { name: '陈', residentId: `${residentId.slice(0, 17)}0`, phone: `${phone}9`, regionCode: '460106', username: 'x-y-z', password: 'long-enough-pw' });
    const searchByNumber = await http.get(`/api/jobs/search?q=${phone}`);
    const errorBodies = [duplicate.body, badPhone.body, searchByNumber.body];

    const employer = await factories.employer();
    const employerUser = await factories.user('employer', { employerId: employer.id });
    const employerClient = await http.login(employerUser.username, TEST_PASSWORD);
    const shortage = await employerClient.post('/api/shortages', {
      employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4000, wageMax: 5000,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区', startDate: '2099-01-01', deadline: '2099-02-01',
      description: '负责老人生活照料，包食宿。', submit: true,
    });
    const seeker = await http.login('chen-haisheng', 'long-enough-pw');
    const application = await seeker.post('/api/applications', { shortageId: shortage.body.id });
    for (const url of ['/api/employers', `/api/employers/${employer.id}`, '/api/shortages', `/api/shortages/${shortage.body.id}`, '/api/applications', `/api/applications/${application.body.id}`, '/api/auth/me']) {
      const response = await employerClient.get(url);
      expect(response.status).toBe(200);
      employerResponses.push(response.body);
    }
    employerResponses.push((await employerClient.get(`/api/seekers/${registered.body.id}`)).body);

    for (const index of SEARCH_INDEXES) await t.app.get(IndexReconcilerService).rebuild(index);
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const documents = [await engine.get('seekers', registered.body.id), await engine.get('shortages', shortage.body.id)];
    expect(documents[0]).not.toBeNull();

    expect(logLines.length).toBeGreaterThan(10);
    expect(findPersonalIdentifiers(logLines.join('\n'))).toEqual([]);
    expect(findPersonalIdentifiers(JSON.stringify(employerResponses))).toEqual([]);
    expect(findPersonalIdentifiers(JSON.stringify(errorBodies))).toEqual([]);
    expect(findPersonalIdentifiers(JSON.stringify(documents))).toEqual([]);
  });
});
