import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { createHttpApp } from '@app/http';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A real HTTP app (Fastify, in-process) on a fresh private database. Call close() in afterAll. */
export async function createTestApp(
  features: Type<unknown>[],
  overrides: Partial<Record<keyof AppConfig, unknown>> = {},
  /** Runs before the server is ready, e.g. to register Fastify plugins as the platform's main does. */
  beforeReady: (app: NestFastifyApplication) => Promise<void> = async () => undefined,
  /** A controlled clock (e.g. ManualClock) instead of the system's. */
  clock?: Clock,
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, overrides);
  const app = await createHttpApp(CoreModule.forRoot(config, features, clock), config, { title: 'test', description: 'test' });
  await beforeReady(app);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
