import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

describe('health and docs', () => {
  let t: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
  });
  afterAll(() => t.close());

  it('/api/health reports PostgreSQL, Redis and the search engine', async () => {
    const response = await http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info).toEqual({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      search: { status: 'up', engine: 'postgres' },
    });
  });

  it('OpenAPI docs are served at /docs with every API route in them', async () => {
    const page = await http.get('/docs');
    expect(page.status).toBe(200);
    const spec = await http.get('/docs/openapi.json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/me', '/api/users', '/api/employers', '/api/employers/{id}', '/api/seekers/me', '/api/audit-log', '/api/health']),
    );
  });
});

describe('health when Redis is down', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: the check must report Redis down quickly, not hang.
    t = await createTestApp(HTTP_FEATURES, { REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('answers 503 and names the dependency that is down', async () => {
    const started = Date.now();
    const response = await new HttpClient(t.app).get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body.error.redis.status).toBe('down');
    expect(response.body.info.postgres.status).toBe('up');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
