import { SEARCH_ENGINE, SearchEngine } from '@app/search';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/** YYYY-MM-DD, `days` from now (UTC). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Polls `check` until it holds; fails naming `what` when the index has not converged within `timeoutMs`. */
export async function untilIndexed(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the index did not converge in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface IndexedPlatform {
  t: TestApp;
  http: HttpClient;
  factories: Factories;
  engine: SearchEngine;
  /** An officer paired with the employer, signed in. */
  officer: HttpClient;
  employerId: string;
}

/** The whole platform on a private database, with one employer (named `employerName`) and an officer paired with it. */
export async function startWithPairedOfficer(employerName: string): Promise<IndexedPlatform> {
  const t = await createTestApp(PLATFORM_FEATURES);
  const http = new HttpClient(t.app);
  const factories = new Factories(t.app);
  const officerUser = await factories.user('officer');
  const employerId = (await factories.employer({ name: employerName })).id;
  await factories.pairing(officerUser.id, employerId);
  return { t, http, factories, engine: t.app.get(SEARCH_ENGINE), officer: await http.login(officerUser.username, TEST_PASSWORD), employerId };
}
