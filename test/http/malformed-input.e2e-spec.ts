import { connect } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/auth';
import { PRIORITY_GROUPS } from '@app/seeker-pool';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { generateMalformedRequests, MalformedRequest, OpenApiDocument, Route, routesOf, sample, sampleOf } from './malformed-requests';

/**
 * The malformed-input suite: requests generated from the app's own OpenAPI document (every route, every
 * parameter and body field, see malformed-requests.ts), each sent with a token of a role the route allows.
 * Not one may answer 5xx, and every error body has the shape `{statusCode, code, message}` without echoing
 * huge input. Bounded and deterministic: at most MAX_REQUESTS, sampled with a fixed seed.
 */
const MAX_REQUESTS = 5600;
const MAX_PER_ROUTE = 180;
const MIN_REQUESTS = 5000;
const SEED = 20261207;
const CONCURRENCY = 4;

describe('malformed input, generated from the OpenAPI document', () => {
  let t: TestApp;
  let dataSource: DataSource;
  const tokens = new Map<Role, string>();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    const factories = new Factories(t.app);
    const http = new HttpClient(t.app);
    const employer = await factories.employer();
    const seeker = await factories.seeker();
    const victim = await factories.user('officer');
    ids.employers = employer.id;
    ids.seekers = seeker.id;
    ids.users = victim.id;
    const users: [Role, Parameters<Factories['user']>[1]][] = [
      ['admin', {}],
      ['officer', {}],
      ['station_staff', {}],
      ['employer', { employerId: employer.id }],
      ['seeker', { seekerId: seeker.id }],
    ];
    for (const [role, fields] of users) {
      const user = await factories.user(role, fields);
      tokens.set(role, (await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).body.accessToken);
    }
  });
  afterAll(() => t.close());

  const send = (request: { method: string; url: string; body?: string; contentType?: string; token?: string }) =>
    t.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: {
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
      },
      ...(request.body === undefined ? {} : { payload: request.body }),
    });

  /** A well-formed value for a path parameter: a real row where one exists, else a valid UUID. */
  const pathValue = (route: Route, name: string): string => {
    if (name === 'group') return PRIORITY_GROUPS[0];
    if (name === 'seekerId') return ids.seekers;
    if (name === 'userId') return ids.users;
    if (name === 'shortageId') return ids.shortages ?? '00000000-0000-4000-8000-000000000002';
    return ids[route.path.split('/')[2]] ?? '00000000-0000-4000-8000-000000000003';
  };

  const validBody = (route: Route): Record<string, unknown> => {
    const body = (route.body ? sampleOf(route.body) : {}) as Record<string, unknown>;
    for (const [field, resource] of [['employerId', 'employers'], ['seekerId', 'seekers'], ['shortageId', 'shortages'], ['stationId', 'stations']]) {
      if (field in body && ids[resource]) body[field] = ids[resource];
    }
    return body;
  };

  const urlOf = (route: Route, pathValues: Record<string, string> = {}, query?: string) =>
    route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? pathValue(route, name))) + (query ? `?${query}` : '');

  it('sends thousands of generated malformed requests: none answers 5xx, every error has the error shape', async () => {
    const document = (await send({ method: 'GET', url: '/docs/openapi.json' })).json() as OpenApiDocument;
    // Destructive routes (deleting the seeker's own profile) go last, so they do not change what the others see.
    const routes = routesOf(document).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(routes.length).toBeGreaterThan(80);

    // Real rows to aim at, so that mutations of PATCH bodies and ids reach the database.
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const rows: [string, string, Record<string, unknown>][] = [
      ['/api/shortages', 'shortages', {
        employerId: ids.employers, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 5, wageMin: 4500, wageMax: 6500,
        workType: 'full_time', regionCode: '460106', address: '海口市龙华区金垦路 8 号', startDate: inDays(7), deadline: inDays(60),
        description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。',
      }],
      ['/api/stations', 'stations', {
        name: '龙华区就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32, capacity: 100, booths: 10,
      }],
    ];
    for (const [path, resource, body] of rows) {
      const created = await send({ method: 'POST', url: path, body: JSON.stringify(body), contentType: 'application/json', token: tokens.get('admin') });
      expect([path, created.statusCode]).toEqual([path, 201]);
      ids[resource] = created.json().id;
    }

    // Each route is called with the first role it allows (a well-formed request decides).
    const roleOf = new Map<Route, string | undefined>();
    for (const route of routes) {
      roleOf.set(route, tokens.get('admin'));
      for (const role of tokens.keys()) {
        const response = await send({
          method: route.method,
          url: urlOf(route),
          token: tokens.get(role),
          ...(route.jsonBody ? { body: JSON.stringify(validBody(route)), contentType: 'application/json' } : {}),
        });
        if (response.statusCode !== 401 && response.statusCode !== 403) {
          roleOf.set(route, tokens.get(role));
          break;
        }
      }
    }

    const requests = sample(generateMalformedRequests(routes, validBody), MAX_REQUESTS, SEED, MAX_PER_ROUTE);
    expect(requests.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(new Set(requests.map((r) => r.route)).size).toBe(routes.length);

    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const check = async (request: MalformedRequest) => {
      const url = urlOf(request.route, request.pathValues, request.query);
      const response = await send({ method: request.route.method, url, body: request.body, contentType: request.contentType, token: roleOf.get(request.route) });
      byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
      const where = `${request.route.method} ${request.route.path} [${request.label}]`;
      if (response.statusCode >= 500) failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (response.statusCode < 400) return;
      let body: { statusCode?: unknown; code?: unknown; message?: unknown };
      try {
        body = response.json();
      } catch {
        failures.push(`${where}: ${response.statusCode} body is not JSON: ${response.body.slice(0, 100)}`);
        return;
      }
      if (body.statusCode !== response.statusCode || typeof body.code !== 'string' || typeof body.message !== 'string') {
        failures.push(`${where}: ${response.statusCode} body not in the error shape: ${response.body.slice(0, 200)}`);
      }
      if (response.body.length > 20_000 || /x{100}|y{100}|z{100}/.test(response.body)) failures.push(`${where}: the error echoes the input`);
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) await check(requests[next++]);
      }),
    );

    const serverErrors = failures.filter((f) => /: 5\d\d /.test(f));
    expect(serverErrors.slice(0, 30)).toEqual([]);
    expect(failures.slice(0, 30)).toEqual([]);
    expect(byStatus.get(500) ?? 0).toBe(0);
    // Most of them are refused as bad input, not accepted.
    const refused = [...byStatus].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
    expect(refused).toBeGreaterThan(requests.length * 0.7);
  }, 240_000);

  describe('requests refused before Nest routes them: the error shape, no URL echo, exactly one audit row each', () => {
    const auditCount = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM audit_log`))[0].n);
    const lastAudit = async () => (await dataSource.query(`SELECT action, result, status_code AS "statusCode", source_ip AS "sourceIp" FROM audit_log ORDER BY id DESC LIMIT 1`))[0];

    const cases: [string, { method: string; url: string; body?: string; contentType?: string }, number, string][] = [
      ['a NUL byte in a path id', { method: 'POST', url: '/api/shortages/%00/close', body: '{}', contentType: 'application/json' }, 400, 'INVALID_CHARACTERS'],
      ['bad URL encoding (POST)', { method: 'POST', url: '/api/shortages/%E0%A4%A/close', body: '{}', contentType: 'application/json' }, 400, 'MALFORMED_URL'],
      ['bad URL encoding (GET)', { method: 'GET', url: '/api/shortages/%E0%A4%A' }, 400, 'MALFORMED_URL'],
      ['an id over 100 characters', { method: 'GET', url: `/api/shortages/${'a'.repeat(150)}` }, 400, 'MALFORMED_URL'],
      ['a NUL byte in the query of a GET', { method: 'GET', url: '/api/shortages?q=%00' }, 400, 'INVALID_CHARACTERS'],
      ['invalid JSON', { method: 'POST', url: '/api/users', body: '{"a":', contentType: 'application/json' }, 400, 'MALFORMED_BODY'],
      ['JSON nested 2,000 levels', { method: 'POST', url: '/api/users', body: `${'['.repeat(2000)}${']'.repeat(2000)}`, contentType: 'application/json' }, 400, 'BODY_TOO_DEEP'],
      ['a body over the limit', { method: 'POST', url: '/api/users', body: JSON.stringify({ a: 'x'.repeat(1_100_000) }), contentType: 'application/json' }, 413, 'PAYLOAD_TOO_LARGE'],
      ['an unsupported media type', { method: 'POST', url: '/api/users', body: '<user/>', contentType: 'application/xml' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];

    it.each(cases)('%s', async (_name, request, status, code) => {
      const before = await auditCount();
      const response = await send({ ...request, token: tokens.get('admin') });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ statusCode: status, code, message: expect.any(String) });
      expect(response.body).not.toContain('/api/');
      expect(await auditCount()).toBe(before + 1);
      expect(await lastAudit()).toMatchObject({ result: 'failed', statusCode: status });
      expect((await lastAudit()).action).toMatch(/^(GET|POST) \/api\/(shortages|users)/);
    });

    it('a request Nest refuses is audited once, not twice', async () => {
      const before = await auditCount();
      const response = await send({ method: 'POST', url: '/api/users', body: JSON.stringify({ username: 1 }), contentType: 'application/json', token: tokens.get('admin') });
      expect(response.statusCode).toBe(400);
      expect(await auditCount()).toBe(before + 1);
    });

    it('raw non-ASCII and control bytes in the request line (refused by Node before Fastify)', async () => {
      await t.app.listen(0, '127.0.0.1');
      const port = (t.app.getHttpServer().address() as { port: number }).port;
      const raw = (requestLine: Buffer) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.concat([requestLine, Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')])));
          let received = '';
          socket.on('data', (chunk) => (received += chunk.toString('utf8')));
          socket.on('close', () => resolve(received));
          socket.on('error', reject);
        });
      for (const line of [Buffer.concat([Buffer.from('POST /api/shortages/'), Buffer.from('海口', 'utf8'), Buffer.from('/close')]), Buffer.from('GET /api/shortages/a\u0001b')]) {
        const before = await auditCount();
        const response = await raw(line);
        expect(response).toMatch(/^HTTP\/1\.1 400 /);
        expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toEqual({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
        // The audit row is written just after the answer: poll for it.
        for (let i = 0; i < 100 && (await auditCount()) === before; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await auditCount()).toBe(before + 1);
        expect(await lastAudit()).toMatchObject({ result: 'failed', statusCode: 400, sourceIp: expect.stringContaining('127.0.0.1') });
      }
    });
  });
});
