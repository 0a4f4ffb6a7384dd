import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@app/config';

/** Configuration for one test file: its own database and its own BullMQ key prefix. */
export function testConfig(databaseUrl: string, overrides: Partial<Record<keyof AppConfig, unknown>> = {}): AppConfig {
  return loadConfig(
    {},
    {
      APP_ENV: 'test',
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'silent',
      DEMO_MODE: 'false',
      LOGIN_THROTTLE_PER_MINUTE: '1000',
      ...overrides,
    },
  );
}
