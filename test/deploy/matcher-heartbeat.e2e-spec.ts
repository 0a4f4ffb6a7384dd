import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '@app/testing';
import { heartbeatIsFresh } from '../../apps/matcher/src/heartbeat-file';
import { MatcherHeartbeat } from '../../apps/matcher/src/matcher-heartbeat';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/** Issue 12, finding 13: the matcher (no HTTP port) gets a container health check through a heartbeat file. */
describe('matcher heartbeat', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'heartbeat-'));
  const file = join(dir, 'matcher-heartbeat');

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, { MATCHER_HEARTBEAT_FILE: file });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('beats while PostgreSQL, Redis and the worker answer; the health check reads the file', async () => {
    const deadline = Date.now() + 30_000;
    while (!(await heartbeatIsFresh(file))) {
      if (Date.now() > deadline) throw new Error('no heartbeat within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await t.app.get(MatcherHeartbeat).beat()).toBe(true);

    // apps/matcher/src/healthcheck.ts (the container's check) answers with this function.
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(file, old, old);
    expect(await heartbeatIsFresh(file)).toBe(false);
    expect(await heartbeatIsFresh(join(dir, 'missing'))).toBe(false);
  }, 60_000);
});
