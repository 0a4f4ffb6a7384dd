import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CoreModule } from '@app/core';
import { migrateDatabase } from '@app/database';
import { createHttpApp } from '@app/http';
import { Factories, HttpClient, TEST_PASSWORD, testConfig } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { PrivatePostgres } from '../faults/fault-kit';

/**
 * PostgreSQL stopped under a running app: requests get 503 `SERVICE_UNAVAILABLE` in the error shape (not 500
 * `INTERNAL`), and the app serves again once the database is back. Uses a private PostgreSQL cluster on its own
 * port in a temporary directory, started and stopped by this test: never the shared server.
 */
describe('a PostgreSQL outage', () => {
  let postgres: PrivatePostgres | undefined;
  let app: NestFastifyApplication | undefined;
  let admin: HttpClient;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create(['fsync=off']);
    const config = testConfig(postgres.url('pes_outage'));
    await migrateDatabase(config);
    app = await createHttpApp(CoreModule.forRoot(config, HTTP_FEATURES), config, { title: 'test', description: 'test' });
    await app.getHttpAdapter().getInstance().ready();
    const user = await new Factories(app).user('admin');
    admin = await new HttpClient(app).login(user.username, TEST_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      postgres?.destroy();
    }
  }, 60_000);

  it('answers 503 SERVICE_UNAVAILABLE while the database is down, and serves again once it is back', async () => {
    expect((await admin.get('/api/users')).status).toBe(200);

    postgres!.stop('fast');
    const reading = await admin.get('/api/users');
    expect(reading.status).toBe(503);
    expect(reading.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });
    // In English by header: the guard passes on its cached account, so a `?lang=en` query would meet the list's
    // validation (an unknown parameter, 400) before the database.
    const english = await admin.get('/api/users', { 'accept-language': 'en' });
    expect(english.status).toBe(503);
    expect(english.body.message).toBe('The service is temporarily unavailable');
    const writing = await admin.post('/api/users', { username: 'during-outage', password: 'long-enough-1', role: 'officer', displayName: '停机' });
    expect(writing.status).toBe(503);
    expect(writing.body.code).toBe('SERVICE_UNAVAILABLE');
    const health = await new HttpClient(app!).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });

    postgres!.start();
    let status = 0;
    for (let i = 0; i < 60 && status !== 200; i++) {
      status = (await admin.get('/api/users')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    const created = await admin.post('/api/users', { username: 'after-outage', password: 'long-enough-1', role: 'officer', displayName: '恢复' });
    expect(created.status).toBe(201);
  }, 120_000);
});
