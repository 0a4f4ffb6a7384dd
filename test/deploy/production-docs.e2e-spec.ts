import { protectApiDocs } from '@app/auth';
import { mountQueueDashboard } from '@app/queue';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';

/** Production settings without the development secrets (a production start refuses those). */
const PRODUCTION = {
  APP_ENV: 'production',
  JWT_SECRET: 'p'.repeat(48),
  DATA_KEY: 'ab'.repeat(32),
  BLIND_INDEX_KEY: 'cd'.repeat(32),
  DEMO_MODE: 'false',
};

/** Issue 12, finding 13: in production, /docs and /admin/queues are behind sign-in. Mounted as apps/demand-api's main does. */
describe('API docs and the queue dashboard in production', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], PRODUCTION, async (app) => {
      await protectApiDocs(app);
      await mountQueueDashboard(app);
    });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  it('refuses them anonymously, in the common error shape', async () => {
    for (const path of ['/docs', '/docs/', '/docs/openapi.json', '/docs/static/index.html', '/docs?x=1', '/admin/queues', '/admin/queues/api/queues']) {
      const response = await http.request('GET', path);
      expect(`${path} ${response.status}`).toBe(`${path} 401`);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    }
    // Other spellings of the same path never reach the document either.
    for (const path of ['/%64ocs/openapi.json', '/docs/openapi%2Ejson', '//docs/openapi.json', '/docs-json', '/docs-yaml', '/DOCS/openapi.json', '/api/../docs/openapi.json', '/%61dmin/queues', '/admin/%71ueues/api/queues']) {
      const response = await http.request('GET', path);
      expect(`${path} ${response.status}`).toMatch(/ (401|404)$/);
    }
    const forged = await http.request('GET', '/docs/openapi.json', undefined, { authorization: `Bearer ${'x'.repeat(40)}` });
    expect(forged.status).toBe(401);
  });

  it('serves the docs to a signed-in user, and the rest of the API is unaffected', async () => {
    const officer = await factories.user('officer');
    const token = (await http.post('/api/auth/login', { username: officer.username, password: TEST_PASSWORD })).body.accessToken;
    const document = await http.request('GET', '/docs/openapi.json', undefined, { authorization: `Bearer ${token}` });
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths).length).toBeGreaterThan(10);
    expect((await http.get('/api/health')).status).toBe(200);
  });
});

describe('API docs outside production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], {}, protectApiDocs);
  });
  afterAll(() => t.close());

  it('stay open for development', async () => {
    expect((await new HttpClient(t.app).request('GET', '/docs/openapi.json')).status).toBe(200);
  });
});
