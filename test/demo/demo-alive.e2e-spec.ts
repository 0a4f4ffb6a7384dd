import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ManualClock } from '@app/clock';
import { DEMO_REF_PREFIX, DemoDataModule } from '@app/demo-setup';
import { QUEUES } from '@app/queue';
import { createTestApp, eventually, HttpClient, TestApp } from '@app/testing';
import { EXPIRE_SHORTAGES, MaintenanceProcessor, NIGHTLY_REMATCH } from '../../apps/matcher/src/maintenance.processor';
import { prepareDemo } from '../../apps/platform/src/demo-startup';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const PASSWORD = 'Demo-test-pw';
const DAY_MS = 86_400_000;
/** The demo's full match run and event planning take minutes on the shared CI machine. */
const WAIT_MS = 240_000;

/**
 * The demo platform as `npm start` runs it (all features in one process, demo mode), on a controlled clock: no scheduled
 * job acts before the demo data is loaded, and the demo loaded today still shows open demand and working matches when
 * read 1, 30 and 200 days later (the expiry run of each day first runs the day's demo refresh).
 */
describe('a demo that stays alive', () => {
  const clock = new ManualClock(new Date());
  const loadDay = clock.now().getTime();
  let t: TestApp;
  let http: HttpClient;
  let dataSource: DataSource;
  let maintenance: Queue;

  beforeAll(async () => {
    t = await createTestApp([...PLATFORM_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: PASSWORD }, undefined, clock);
    http = new HttpClient(t.app);
    dataSource = t.app.get(getDataSourceToken());
    maintenance = t.app.get(getQueueToken(QUEUES.maintenance));
  }, 60_000);
  afterAll(async () => {
    await maintenance.obliterate({ force: true }).catch(() => undefined);
    await t.close();
  });

  it('no scheduled job runs before the demo data is loaded; the first expiry run after it expires nothing', async () => {
    // The platform is up (workers running) and the database is empty: nothing is scheduled yet.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await maintenance.getJobSchedulers()).toEqual([]);
    // A job left in Redis by an earlier run fires now: it does nothing.
    const stale = await maintenance.add(EXPIRE_SHORTAGES, {});
    const staleResult = await eventually(() => maintenance.getJob(stale.id!), (job) => job?.finishedOn !== undefined, 30_000);
    expect(staleResult?.returnvalue).toEqual({ skipped: 'waiting-for-demo-data' });

    await prepareDemo(t.app);
    const [state]: { loadedAt: Date; loadedOn: string }[] = await dataSource.query(`SELECT loaded_at AS "loadedAt", loaded_on::text AS "loadedOn" FROM demo_state`);
    expect(state.loadedOn).toBe(clock.today());
    // Every generated date is relative to the load day: deadlines weeks to months ahead, publication in the recent past.
    const [dates] = await dataSource.query(
      `SELECT min(deadline)::text AS "minDeadline", max(deadline)::text AS "maxDeadline", min(start_date)::text AS "minStart",
              max(published_at) AS "lastPublished", min(published_at) AS "firstPublished" FROM shortage`,
    );
    const daysAhead = (date: string) => Math.round((Date.parse(date) - Date.parse(clock.today())) / DAY_MS);
    expect(daysAhead(dates.minDeadline)).toBeGreaterThanOrEqual(14);
    expect(daysAhead(dates.maxDeadline)).toBeLessThanOrEqual(120);
    expect(daysAhead(dates.minStart)).toBeGreaterThanOrEqual(0);
    expect(new Date(dates.lastPublished).getTime()).toBeLessThanOrEqual(loadDay);
    expect(new Date(dates.firstPublished).getTime()).toBeGreaterThan(loadDay - 43 * DAY_MS);
    // Subsidy claims in several states for demo-hr's enterprise: two candidates offered to confirm, the rest along the workflow.
    const claims: { status: string; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM subsidy_claim GROUP BY status ORDER BY status`);
    expect(claims).toEqual([
      { status: 'approved', n: 1 }, { status: 'candidate', n: 2 }, { status: 'city_review', n: 1 }, { status: 'county_review', n: 1 },
      { status: 'notice', n: 1 }, { status: 'paid', n: 1 }, { status: 'refused', n: 1 },
    ]);
    const hr = await http.login('demo-hr', PASSWORD);
    const candidates = (await hr.get('/api/subsidy-claims?queue=candidates')).body.items;
    expect(candidates).toHaveLength(2);
    // Offered: month 6 has passed and no check fails; what is still unknown (the contract) the employer states on confirming.
    for (const c of candidates as { offeredAt: string | null; decision: { checks: { code: string; verdict: string }[] } }[]) {
      expect(c.offeredAt).not.toBeNull();
      expect(c.decision.checks.filter((check) => check.verdict !== 'pass').map((check) => check.code).sort()).toEqual(['G1_CONTRACT_TERM', 'G1_NOT_DISPATCH']);
    }

    // The schedules are registered after the load; the first expiry run comes after it and expires nothing.
    await eventually(() => maintenance.getJobSchedulers(), (schedulers) => schedulers.some((s) => s.key === EXPIRE_SHORTAGES), 30_000);
    const first = await eventually(
      async () => (await maintenance.getJobs(['completed'])).filter((job) => job.name === EXPIRE_SHORTAGES && job.id !== stale.id),
      (jobs) => jobs.length > 0,
      30_000,
    );
    expect(first[0].processedOn!).toBeGreaterThanOrEqual(new Date(state.loadedAt).getTime());
    expect(first[0].returnvalue.expired).toBe(0);
    const [{ expired }] = await dataSource.query(`SELECT count(*)::int AS expired FROM shortage WHERE status = 'expired'`);
    expect(expired).toBe(0);
    await settle();
  }, 300_000);

  it.each([1, 30, 200])('read %i days after the load: open demand, candidates, recommendations and event proposals', async (days) => {
    clock.set(new Date(loadDay + days * DAY_MS));
    const today = clock.today();
    // The day's maintenance as the scheduler runs it (every 15 minutes): demo refresh, then expiry.
    const processor = t.app.get(MaintenanceProcessor);
    const result = await processor.process({ name: EXPIRE_SHORTAGES });
    expect(result.skipped).toBeUndefined();
    await settle();
    // The nightly full re-match, then the event planning it triggers.
    const { runId } = await processor.process({ name: NIGHTLY_REMATCH });
    await eventually(() => dataSource.query(`SELECT status FROM match_run WHERE id = $1`, [runId]), (rows: { status: string }[]) => rows[0]?.status === 'complete', WAIT_MS);
    await eventually(() => dataSource.query(`SELECT 1 FROM event_planning WHERE run_id = $1`, [runId]), (rows: unknown[]) => rows.length === 1, WAIT_MS);
    await settle();

    const [demand] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status IN ('open', 'partially_filled'))::int AS open,
              count(*) FILTER (WHERE status IN ('open', 'partially_filled') AND deadline < $1::date)::int AS overdue
       FROM shortage WHERE external_ref LIKE $2`,
      [today, `${DEMO_REF_PREFIX}%`],
    );
    expect(demand.overdue).toBe(0);
    expect(demand.open).toBeGreaterThanOrEqual(250);

    // Open demand in job search (public).
    const search = await http.get('/api/jobs/search?limit=5');
    expect(search.status).toBe(200);
    expect(search.body.total).toBeGreaterThanOrEqual(250);

    // Working matches: the officer's candidate lists, the seeker's recommendations, proposals for the stations.
    const officer = await http.login('demo-officer', PASSWORD);
    const mine = await officer.get('/api/shortages?limit=100&status=open');
    expect(mine.status).toBe(200);
    let withCandidates = 0;
    for (const shortage of mine.body.items as { id: string }[]) {
      const candidates = await officer.get(`/api/shortages/${shortage.id}/candidates?limit=5`);
      if (candidates.body.total > 0) withCandidates += 1;
    }
    expect(withCandidates).toBeGreaterThan(0);
    const seeker = await http.login('demo-seeker', PASSWORD);
    const recommendations = await seeker.get('/api/seekers/me/recommendations');
    expect(recommendations.body.total).toBeGreaterThan(0);
    // Upcoming proposals, whichever run made them: a run plans only the demand earlier proposals leave unmet, so the
    // day after the load the start-up run's proposals may still stand and this run add none.
    const [{ proposals }] = await dataSource.query(
      `SELECT count(*)::int AS proposals FROM recruitment_event WHERE status = 'proposed' AND date >= $1::date`,
      [today],
    );
    expect(proposals).toBeGreaterThan(0);
    console.log(`day +${days} (${today}): ${demand.open} open demo shortages, ${search.body.total} in job search, ` +
      `${withCandidates}/${mine.body.items.length} of the officer's open shortages with candidates, ${recommendations.body.total} recommendations, ${proposals} upcoming proposals` +
      (result.demoRolled !== undefined ? `; refresh moved ${result.demoRolled} deadlines and added ${result.demoToppedUp} shortages` : ''));
  }, 400_000);

  /** Waits until the outbox is drained (the matcher in this process relays and handles every row). */
  async function settle(): Promise<void> {
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`),
      (rows: { n: number }[]) => rows[0].n === 0,
      WAIT_MS,
    );
  }
});
