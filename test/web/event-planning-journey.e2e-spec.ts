import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays } from '@app/clock';
import { HttpClient } from '@app/testing';
import { choose, toast } from './antd';
import { ARTIFACTS, checkAtRest, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

interface Proposal {
  id: string;
  title: string;
  type: string;
  date: string;
  status: string;
  occupationFamilies: string[];
  expectedAttendance: number;
  station: { id: string; name: string };
  employers: { employerId: string; name: string; invitationStatus: string }[];
  rejectionReason: string | null;
}

/** Monday of an ISO date's week. */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The week filter's label, as the console writes it in Chinese: 12月7日–12月13日. */
function weekLabel(monday: string): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return `${md(monday)}–${md(addDays(monday, 6))}`;
}

/**
 * Issue 18's browser journey on the demo data, after the startup match run has planned events: demo-station filters
 * the proposal inbox to one week, rejects two proposals at once with a reason, merges two more into a 综合招聘会 and
 * accepts it, edits its public description, confirms the invitation count and publishes; the week calendar shows it
 * (on a phone too). Demo-seeker, on a phone, opens the event, sees its jobs and wages and downloads it for her
 * calendar (.ics). Every step in the browser (the API only picks the week and checks results); axe-core finds no
 * serious or critical violation on the pages on the way.
 */
describe('event planning in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let station: HttpClient;
  const made: { merged?: Proposal; description?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    const run = await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 240_000);
    expect(run?.body.status).toBe('complete');
    // A complete run is followed by the planning (the proposals of this journey).
    const planned = await eventually(() => web.t.app.get(DataSource).query(`SELECT 1 FROM event_planning WHERE run_id = $1`, [runId]), (rows: unknown[]) => rows.length > 0, 120_000);
    expect(planned).toBeDefined();
    station = await http.login('demo-station', PASSWORD);
    // demo-station serves a few 海口 stations; for a week busy enough to reject two and merge two, the staff member
    // also serves every station with a proposal (set up through the administrators' API, as staff are assigned).
    const staffId = (await station.get('/api/auth/me')).body.userId as string;
    const all = (await admin.get('/api/events?status=proposed&limit=200')).body.items as Proposal[];
    for (const stationId of new Set(all.map((p) => p.station.id))) {
      const added = await admin.post(`/api/stations/${stationId}/staff`, { userId: staffId });
      expect([200, 201, 204, 409]).toContain(added.status);
    }
    station = await http.login('demo-station', PASSWORD);
    await web.launchBrowser();
  }, 480_000);

  afterAll(() => web.close(), 120_000);

  const checked = (page: Page, name: string) => checkAtRest(page, `event-planning-${name}`);

  /** The row of a proposal in the inbox table. */
  const row = (page: Page, id: string) => page.locator('.ant-table-row', { has: page.locator(`a[href="/station/events/${id}"]`) });

  it('station staff: filter the inbox to one week, bulk-reject two with a reason, merge-accept a general fair, edit its description, confirm the invitations and publish', async () => {
    const inbox = (await station.get('/api/events?status=proposed&limit=200')).body.items as Proposal[];
    // The week with the most proposals; in it, a venue proposal and another of other occupation families to merge
    // (within the venue's booths), and two more to reject.
    const weeks = new Map<string, Proposal[]>();
    for (const p of inbox) weeks.set(mondayOf(p.date), [...(weeks.get(mondayOf(p.date)) ?? []), p]);
    const [week, proposals] = [...weeks].sort((a, b) => b[1].length - a[1].length)[0];
    expect(proposals.length).toBeGreaterThanOrEqual(4);
    // The venue expecting the most people stays (as the server chooses); with it, preferably another venue proposal.
    const venues = proposals.filter((p) => p.type !== 'live_stream').sort((a, b) => b.expectedAttendance - a.expectedAttendance);
    expect(venues.length).toBeGreaterThan(0);
    const venue = venues[0];
    const others = proposals.filter((p) => p.id !== venue.id && p.occupationFamilies.some((f) => !venue.occupationFamilies.includes(f)));
    const other = others.find((p) => p.type !== 'live_stream') ?? others.sort((a, b) => a.employers.length - b.employers.length)[0];
    expect(other).toBeDefined();
    // The hall of the venue's station takes the booths of both (the administrator sets the station's booths: set-up).
    const employerCount = new Set([...venue.employers, ...other.employers].map((e) => e.employerId)).size;
    const admin = await http.login('demo-admin', PASSWORD);
    if ((await admin.get(`/api/stations/${venue.station.id}`)).body.booths < employerCount) {
      expect((await admin.patch(`/api/stations/${venue.station.id}`, { booths: employerCount })).status).toBe(200);
    }
    const toReject = proposals.filter((p) => p.id !== venue.id && p.id !== other.id).slice(0, 2);
    const reason = '本周驿站场地已安排其他活动，需求并入综合招聘会';

    await web.withPage('event-planning-station', false, async (page) => {
      await web.signIn(page, 'demo-station', /\/station$/);
      await settled(page);
      // One week: only its proposals are listed.
      await choose(page, 'proposal-week', weekLabel(week));
      await expect(page.inputValue('#proposal-from')).resolves.toBe(week);
      await expect(page.inputValue('#proposal-to')).resolves.toBe(addDays(week, 6));
      await row(page, venue.id).waitFor();
      await page.waitForFunction(`document.querySelectorAll('.ant-table-row').length === ${Math.min(proposals.length, 20)}`);
      await checked(page, 'inbox-week');

      // Two rejected at once, with one reason.
      for (const p of toReject) await row(page, p.id).locator('.ant-checkbox-input').check();
      await page.click('#proposal-bulk-reject');
      await page.fill('#reject-reason', reason);
      await checked(page, 'bulk-reject');
      await page.click('#reject-confirm');
      await toast(page, '已拒绝 2 个提议');
      for (const p of toReject) await row(page, p.id).waitFor({ state: 'detached' });

      // Two merged into a 综合招聘会 and accepted; the console opens it.
      await row(page, venue.id).locator('.ant-checkbox-input').check();
      await row(page, other.id).locator('.ant-checkbox-input').check();
      await page.click('#proposal-merge');
      await page.locator('.ant-modal', { hasText: '合并 2 个提议' }).waitFor();
      await checked(page, 'merge');
      await page.click('#merge-confirm');
      await page.waitForURL(new RegExp(`/station/events/${venue.id}$`));
      await page.locator('h1', { hasText: '综合招聘会' }).waitFor();
      await page.waitForSelector('h1 .ant-tag:has-text("已接受")');
      await page.locator('#event-public-description', { hasText: other.employers[0].name }).waitFor();
      await checked(page, 'merged');

      // The public description, generated from the jobs of both, edited before publishing.
      await page.click('button:has-text("编辑")');
      const generated = await page.inputValue('#event_description');
      expect(generated).toMatch(/^综合招聘会：/);
      expect(generated).toMatch(/元\/(月|小时|件)/);
      for (const e of [...venue.employers, ...other.employers]) expect(generated).toContain(e.name);
      made.description = `${generated}\n现场设政策咨询台，可办理求职登记。`;
      await page.fill('#event_description', made.description);
      await checked(page, 'edit');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.locator('#event-public-description', { hasText: '现场设政策咨询台' }).waitFor();

      // Sending invitations asks first, with the number of messages; then publishing asks too.
      const before = (await station.get(`/api/events/${venue.id}`)).body as Proposal & { unsentInvitations: number };
      const employers = before.employers.filter((e) => e.invitationStatus === 'pending').length;
      expect(employers).toBe(new Set([...venue.employers, ...other.employers].map((e) => e.employerId)).size);
      await page.click('#event-invite');
      const question = page.locator('.ant-popconfirm', { hasText: `将向 ${before.unsentInvitations} 名求职者和 ${employers} 家单位发送邀请` });
      await question.waitFor();
      await checked(page, 'invite-confirm');
      await question.locator('.ant-btn-primary').click();
      await toast(page, '邀请已发送');
      await page.click('#event-publish');
      await page.locator('.ant-popconfirm', { hasText: '确定发布吗' }).locator('.ant-btn-primary').click();
      await page.waitForSelector('h1 .ant-tag:has-text("已发布")');
      await checked(page, 'published');

      // The week calendar shows it on its station's day, and what remains proposed.
      await page.click('a[href="/station"]');
      await choose(page, 'proposal-week', weekLabel(week));
      await page.click('#proposal-view :text("周历")');
      await page.locator(`#station-weeks a[href="/station/events/${venue.id}"]`, { hasText: '已发布' }).waitFor();
      expect(await page.locator(`#station-weeks a[href="/station/events/${toReject[0].id}"]`).count()).toBe(0);
      await checked(page, 'week-calendar');
    });

    const merged = (await station.get(`/api/events/${venue.id}`)).body as Proposal & { description: string; unsentInvitations: number };
    expect(merged).toMatchObject({ status: 'published', title: '综合招聘会', description: made.description, unsentInvitations: 0 });
    expect(merged.occupationFamilies).toEqual([...new Set([...venue.occupationFamilies, ...other.occupationFamilies])].sort());
    expect(merged.employers.every((e) => e.invitationStatus === 'invited')).toBe(true);
    const otherNow = (await station.get(`/api/events/${other.id}`)).body as Proposal;
    expect(otherNow.status).toBe('rejected');
    expect(otherNow.rejectionReason).toContain('已合并入');
    for (const p of toReject) expect((await station.get(`/api/events/${p.id}`)).body).toMatchObject({ status: 'rejected', rejectionReason: reason });
    made.merged = merged;
  }, 300_000);

  it('station staff (on a phone): the week calendar lists the days with their events', async () => {
    const merged = made.merged!;
    expect(merged).toBeDefined();
    await web.withPage('event-planning-phone-calendar', true, async (page) => {
      await web.signIn(page, 'demo-station', /\/station$/);
      await settled(page);
      await choose(page, 'proposal-week', weekLabel(mondayOf(merged.date)));
      await page.click('#proposal-view :text("周历")');
      const day = page.locator('#station-weeks .ant-card', { has: page.locator(`a[href="/station/events/${merged.id}"]`) });
      await day.waitFor();
      expect(await day.locator('.ant-card-head').innerText()).toContain(`${Number(merged.date.slice(5, 7))}月${Number(merged.date.slice(8, 10))}日`);
      // No sideways scrolling on the phone.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
      await checked(page, 'phone-calendar');
    });
  }, 120_000);

  it('seeker (on a phone): opens the event, sees the jobs and wages, adds it to her calendar; job search shows the event on its jobs', async () => {
    const merged = made.merged!;
    expect(merged).toBeDefined();
    const jobs = (await (await http.login('demo-seeker', PASSWORD)).get(`/api/events/${merged.id}`)).body.jobs as { shortageId: string; title: string; employerName: string }[];
    expect(jobs.length).toBeGreaterThan(1);
    await web.withPage('event-planning-seeker', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker/);
      await page.goto(`${base}/seeker/events/${merged.id}`);
      const card = page.locator(`#event-${merged.id}`).first();
      await card.locator('.ant-table-row').first().waitFor();
      const table = await card.locator('.ant-table').innerText();
      expect(table).toMatch(/元\/(月|小时|件)/);
      for (const job of jobs) {
        expect(table).toContain(job.title);
        expect(table).toContain(job.employerName);
      }
      expect(await card.innerText()).toContain('现场设政策咨询台');
      expect(await card.locator('a:has-text("查看路线")').getAttribute('href')).toMatch(/^https:\/\/uri\.amap\.com\/marker\?/);
      await checked(page, 'seeker-event');
      const [download] = await Promise.all([page.waitForEvent('download'), card.locator(`#event-calendar-${merged.id}`).click()]);
      const file = join(ARTIFACTS, 'event-planning.ics');
      await download.saveAs(file);
      const ics = readFileSync(file, 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toMatch(/SUMMARY[^:]*:综合招聘会/);
      expect(ics).toContain(`DTSTART:${merged.date.replace(/-/g, '')}T`);

      // Job search shows the event on the cards of the jobs it offers.
      const job = jobs[0];
      const found = (await http.get(`/api/jobs/search?q=${encodeURIComponent(job.employerName)}&limit=50`)).body.hits as { id: string; events: { id: string }[] }[];
      expect(found.find((h) => h.id === job.shortageId)?.events.map((e) => e.id)).toContain(merged.id);
      await page.goto(`${base}/seeker/jobs`);
      await settled(page);
      await page.fill('#q', job.employerName);
      await page.click('button[type=submit]');
      const badge = page.locator(`a.job-event[href="/seeker/events/${merged.id}"]`).first();
      await badge.waitFor();
      expect(await badge.innerText()).toContain('综合招聘会');
      await checked(page, 'seeker-jobs');
      await badge.click();
      await page.waitForURL(new RegExp(`/seeker/events/${merged.id}$`));
      await page.locator(`#event-${merged.id}`).first().waitFor();
    });
  }, 120_000);
});
