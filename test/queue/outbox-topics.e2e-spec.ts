import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { OUTBOX_TOPICS, OutboxService, OutboxTopic } from '@app/database';
import { buildShortageTemplate, Employer, ImportJob, Shortage, SHORTAGE_HEADERS, SHORTAGE_SHEET } from '@app/employer-demand';
import { menOnlyPostingForReview } from '@app/employer-demand/testing';
import { addDays, addMonthsToMonth, shanghaiDate, shanghaiInstant } from '@app/clock';
import { EventAttendee, RecruitmentEvent, Station } from '@app/events';
import { IndexSyncService } from '@app/indexing';
import { MatchRun } from '@app/matching';
import { RULE_SET_VERSION } from '@app/posting-screen';
import { outboxTopics } from '@app/queue';
import { SEARCH_ENGINE, SearchEngine } from '@app/search';
import { Application, Seeker } from '@app/seeker-pool';
import { SubsidyClaim, SubsidyClaimFacts } from '@app/subsidies';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { OutboxHandlers } from '../../apps/matcher/src/outbox-handlers';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/** How long a topic's follow-up may take. */
const WAIT_MS = 25_000;

/** What one topic's test does: set up a record whose follow-up has not happened, then see the follow-up. */
interface TopicEffect {
  /** Creates the aggregate (without its outbox row); returns its id. */
  arrange(): Promise<string>;
  /** True once the topic's effect is visible. Must be false right after `arrange`. */
  observe(aggregateId: string): Promise<boolean>;
}

/**
 * One job contract, end to end: every outbox topic (every key of OUTBOX_TOPICS, which the processor's handler map must
 * cover) is written through OutboxService in a transaction, relayed by the matcher running in this process (real
 * database, real Redis under this file's queue prefix) and handled; the test sees each handler's effect.
 */
describe('every outbox topic has an effect', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  let engine: SearchEngine;
  let employer: Employer;
  let employerUserId: string;
  let seeker: Seeker;
  let seekerUserId: string;
  let adminId: string;
  let stationId: string;
  /** The posting the re-screen topic's test sends back to review. */
  let rescreened: string;
  // Each event on its own day: a station holds one scheduled event a day (recruitment_event_station_day_key).
  let eventsMade = 0;

  const notifications = (userId: string, kind: string): Promise<{ n: number }[]> =>
    dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = $2`, [userId, kind]);
  const count = async (userId: string, kind: string) => (await notifications(userId, kind))[0].n;

  const shortage = (fields: Partial<Shortage> = {}) =>
    dataSource.getRepository(Shortage).save({
      employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4500, wageMax: 6000,
      workType: 'full_time', regionCode: '460106', address: '护理院', lat: 20.03, lng: 110.33, startDate: addDays(shanghaiDate(), 7),
      deadline: addDays(shanghaiDate(), 60), description: '生活照料', status: 'open', ...fields,
    } as Partial<Shortage>);

  const event = (status: RecruitmentEvent['status'], eventDate = addDays(shanghaiDate(), 12 + eventsMade++)) =>
    dataSource.getRepository(RecruitmentEvent).save({
      stationId, title: '养老护理专场招聘会', type: 'on_site', status, origin: 'manual', date: eventDate,
      startsAt: shanghaiInstant(eventDate, '09:00'), endsAt: shanghaiInstant(eventDate, '12:00'), capacity: 50,
    } as Partial<RecruitmentEvent>);

  const attendee = (eventId: string, fields: Partial<EventAttendee>) =>
    dataSource.getRepository(EventAttendee).save({ eventId, seekerId: seeker.id, source: 'manual', ...fields } as Partial<EventAttendee>);

  const EFFECTS: { [T in OutboxTopic]: TopicEffect } = {
    'employer.changed': {
      // The employer's name is in its shortages' search documents: a renamed employer is re-indexed.
      arrange: async () => {
        const listed = await shortage();
        await t.app.get(IndexSyncService).syncShortages([listed.id]);
        await dataSource.getRepository(Employer).update(employer.id, { name: '海南椰风康养集团有限公司' });
        return employer.id;
      },
      observe: async () => {
        const ids: { id: string }[] = await dataSource.query(`SELECT id FROM shortage WHERE employer_id = $1`, [employer.id]);
        const documents = await Promise.all(ids.map(({ id }) => engine.get('shortages', id)));
        return documents.some((d) => d !== null) && documents.every((d) => d === null || (d as { employerName: string }).employerName === '海南椰风康养集团有限公司');
      },
    },
    'shortage.changed': {
      arrange: async () => (await shortage({ title: '护理员（夜班）' })).id,
      observe: async (id) => (await engine.get('shortages', id)) !== null,
    },
    'seeker.changed': {
      arrange: async () => (await factories.seeker({ regionCode: '460106', lat: 20.02, lng: 110.32 } as Partial<Seeker>)).id,
      observe: async (id) => (await engine.get('seekers', id)) !== null,
    },
    'application.changed': {
      // A new application tells the employer's accounts.
      arrange: async () => {
        const target = await shortage({ title: '护理员（白班）' });
        const saved = await dataSource.getRepository(Application).save({
          seekerId: seeker.id, shortageId: target.id, status: 'applied', history: [{ status: 'applied', at: new Date().toISOString(), actorId: seekerUserId }],
        });
        return saved.id;
      },
      observe: async () => (await count(employerUserId, 'application_received')) === 1,
    },
    'match.run_requested': {
      arrange: async () => (await dataSource.getRepository(MatchRun).save({ status: 'running', trigger: 'admin', requestedBy: adminId })).id,
      observe: async (id) => (await dataSource.getRepository(MatchRun).findOneByOrFail({ id })).status === 'complete',
    },
    'events.plan_requested': {
      arrange: async () => (await dataSource.getRepository(MatchRun).save({ status: 'complete', trigger: 'admin', requestedBy: adminId, finishedAt: new Date() })).id,
      observe: async (id) => (await dataSource.query(`SELECT 1 FROM event_planning WHERE run_id = $1`, [id])).length === 1,
    },
    'event.invitations_sent': {
      arrange: async () => {
        const invitedTo = await event('accepted');
        await attendee(invitedTo.id, { status: 'invited', invitedAt: new Date(), invitationExpiresAt: new Date(Date.now() + 3 * 86_400_000) });
        return invitedTo.id;
      },
      observe: async (id) => (await dataSource.query(`SELECT 1 FROM event_attendee WHERE event_id = $1 AND sms_sent_at IS NOT NULL`, [id])).length === 1,
    },
    'event.changed': {
      arrange: async () => {
        const cancelled = await event('cancelled');
        await attendee(cancelled.id, { status: 'registered', registeredAt: new Date() });
        return cancelled.id;
      },
      observe: async () => (await count(seekerUserId, 'event_cancelled')) === 1,
    },
    'postings.rescreen_requested': {
      // A published men-only posting for underground work, screened under an earlier rule set: screened again under
      // the running one, it goes back to review (out of search) with the new version on record.
      arrange: async () => {
        const posting = menOnlyPostingForReview();
        rescreened = (
          await shortage({ ...posting, screenResult: { verdict: 'PASS', ruleSetVersion: 'earlier', screenedAt: new Date().toISOString(), findings: [] } })
        ).id;
        return RULE_SET_VERSION;
      },
      observe: async () => {
        const posting = await dataSource.getRepository(Shortage).findOneByOrFail({ id: rescreened });
        return posting.status === 'screening' && posting.screenResult?.ruleSetVersion === RULE_SET_VERSION && posting.screenResult.verdict === 'REVIEW';
      },
    },
    'station.changed': {
      // A station closes on the day of its published event: the event moves to the next open day and its registrant hears of it.
      arrange: async () => {
        const closing = await dataSource.getRepository(Station).save({
          name: '秀英区零工市场', type: 'gig_market', regionCode: '460105', address: '海口市秀英区', lat: 20.0, lng: 110.28, capacity: 80, booths: 8,
        } as Partial<Station>);
        const day = addDays(shanghaiDate(), 20);
        const held = await dataSource.getRepository(RecruitmentEvent).save({
          stationId: closing.id, title: '零工专场招聘会', type: 'on_site', status: 'published', origin: 'manual', date: day,
          startsAt: shanghaiInstant(day, '09:00'), endsAt: shanghaiInstant(day, '12:00'), capacity: 50,
        } as Partial<RecruitmentEvent>);
        await attendee(held.id, { status: 'registered', registeredAt: new Date() });
        await dataSource.getRepository(Station).update(closing.id, { closedFrom: day, closedUntil: day });
        return closing.id;
      },
      observe: async (id) => {
        const [held]: { id: string; date: string; closed: string }[] = await dataSource.query(
          `SELECT e.id, e.date::text AS date, st.closed_from::text AS closed FROM recruitment_event e JOIN station st ON st.id = e.station_id WHERE e.station_id = $1`,
          [id],
        );
        if (held.date !== addDays(held.closed, 1)) return false;
        const told = await dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'event_moved' AND link = $2`, [seekerUserId, `/events/${held.id}`]);
        return told.length === 1;
      },
    },
    'subsidy.hire_recorded': {
      // A college graduate hired through the platform: a candidate G1 claim opens for the employer (免申即享).
      arrange: async () => {
        const graduate = await factories.seeker({ priorityGroups: [{ group: 'college_graduate', evidence: '毕业证', school: '海南大学', graduationDate: '2025-07-01' }] } as Partial<Seeker>);
        const target = await shortage({ title: '行政助理' });
        const at = new Date().toISOString();
        const saved = await dataSource.getRepository(Application).save({
          seekerId: graduate.id, shortageId: target.id, status: 'hired', history: [{ status: 'applied', at, actorId: seekerUserId }, { status: 'hired', at, actorId: employerUserId }],
        });
        return saved.id;
      },
      observe: async (id) => (await dataSource.query(`SELECT 1 FROM subsidy_claim WHERE source_ref = $1 AND status = 'candidate' AND origin = 'apply_free'`, [id])).length === 1,
    },
    'import.requested': {
      // The platform's own template with one row: the import runs and ends done, with the shortage created.
      arrange: async () => {
        const workbook = buildShortageTemplate();
        const inDays = (days: number) => addDays(shanghaiDate(), days);
        const row: Record<string, string | number> = {
          需求编号: 'OUTBOX-1', 统一社会信用代码: employer.creditCode, 岗位名称: '养老护理员（导入）', 职业编码: '4-10-01-05', 行业编码: '8514', 招聘人数: 2,
          '工资下限（元/月）': 4000, '工资上限（元/月）': 6500, 用工形式: '全职', 工作地区编码: '460106', 工作地点: '海口市龙华区', 到岗日期: inDays(10),
          截止日期: inDays(60), 岗位描述: '负责老人生活照料，按规定缴纳社会保险。',
        };
        workbook.getWorksheet(SHORTAGE_SHEET)!.addRow(SHORTAGE_HEADERS.map((header) => row[header] ?? null));
        const file = Buffer.from(await workbook.xlsx.writeBuffer());
        const job = await dataSource.getRepository(ImportJob).save({
          kind: 'shortages', status: 'queued', mode: 'partial', file, fileName: 'empty.xlsx', total: 1, requestedBy: adminId, requestedRole: 'admin',
        } as Partial<ImportJob>);
        return job.id;
      },
      observe: async (id) => {
        const job = await dataSource.getRepository(ImportJob).findOneByOrFail({ id });
        if (job.status === 'failed') throw new Error(`the import failed: ${job.failureReason}`);
        return job.status === 'done' && job.created === 1;
      },
    },
    'warning.signals_changed': {
      // Three months of a registered unemployment rate over level IV's band: the region's monthly alert is raised.
      arrange: async () => {
        const month = shanghaiDate().slice(0, 7);
        for (const back of [3, 2, 1]) {
          await dataSource.query(`INSERT INTO warning_rate_figure (region_code, month, registered_rate) VALUES ('460107', $1, 4.3)`, [addMonthsToMonth(month, -back)]);
        }
        return '460107';
      },
      observe: async (region) =>
        (await dataSource.query(`SELECT 1 FROM warning_alert WHERE region_code = $1 AND kind = 'monthly' AND level = 'IV'`, [region])).length === 1,
    },
    'warning.layoff_reported': {
      // A 60-person §41 report: its alert (level IV) and its rapid-response case, answered.
      arrange: async () => {
        const [row] = await dataSource.query(
          `INSERT INTO warning_layoff_report (employer_id, region_code, industry_code, ground, count, occupations, effective_date, reportable, check_result, filed_via)
           VALUES ($1, '460106', '8514', 'serious_difficulty', 60, '{4-10-01-05}', $2, true, $3, 'officer') RETURNING id`,
          [employer.id, addDays(shanghaiDate(), 30), JSON.stringify({ reportId: 'x', reportable: true, reachedBy: 'count', windowTotal: 60, windowReportIds: [], noticeDays: 30, checks: [] })],
        );
        return row.id;
      },
      observe: async (id) => {
        const [found] = await dataSource.query(
          `SELECT c.responded_at AS "respondedAt", a.level FROM warning_response_case c JOIN warning_alert a ON a.id = c.alert_id WHERE c.layoff_report_id = $1`,
          [id],
        );
        return !!found?.respondedAt && found.level === 'IV';
      },
    },
    'subsidy.fraud_check_requested': {
      // A submitted claim whose person is the employer's legal representative: the check raises a suspicious case.
      arrange: async () => {
        const claim = await dataSource.getRepository(SubsidyClaim).save({ rule: 'G1', status: 'submitted', origin: 'applied', claimantKind: 'employer', claimantId: employer.id, subjectKey: 'outbox-person-1' });
        await dataSource.getRepository(SubsidyClaimFacts).save({ claimId: claim.id, personKey: 'outbox-person-1', legalRepKey: 'outbox-person-1', employerKey: employer.creditCode });
        return claim.id;
      },
      observe: async (id) => (await dataSource.query(`SELECT count(*)::int AS n FROM subsidy_suspicious_case WHERE claim_id = $1 AND code = 'RELATED_PARTY'`, [id]))[0].n === 1,
    },
    'subsidy.claim_paid': {
      // A paid claim of the employer: its account holder is told once.
      arrange: async () => {
        const claim = await dataSource.getRepository(SubsidyClaim).save({ rule: 'G1', status: 'paid', origin: 'applied', claimantKind: 'employer', claimantId: employer.id, subjectKey: 'outbox-person-2' });
        return claim.id;
      },
      observe: async () => (await count(employerUserId, 'subsidy.claim_paid')) === 1,
    },
  };

  /** Writes the outbox row through OutboxService, in a transaction, as a service would. */
  const record = (topic: OutboxTopic, aggregateId: string) =>
    t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(() => t.app.get(OutboxService).record(topic, aggregateId)));

  const processed = (topic: OutboxTopic, aggregateId: string) =>
    eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = $1 AND aggregate_id = $2 AND processed_at IS NOT NULL`, [topic, aggregateId]),
      (rows: { n: number }[]) => rows[0].n > 0,
      WAIT_MS,
    );

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    engine = t.app.get(SEARCH_ENGINE);
    employer = await factories.employer({ name: '海南康养护理服务有限公司', regionCode: '460106' });
    employerUserId = (await factories.user('employer', { employerId: employer.id })).id;
    seeker = await factories.seeker({ regionCode: '460106', lat: 20.03, lng: 110.33, desiredOccupations: ['4-10-01-05'] } as Partial<Seeker>);
    seekerUserId = (await factories.user('seeker', { seekerId: seeker.id })).id;
    adminId = (await factories.user('admin')).id;
    stationId = (
      await dataSource.getRepository(Station).save({
        name: '龙华区就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸路1号', lat: 20.03, lng: 110.33, capacity: 80, booths: 10,
      } as Partial<Station>)
    ).id;
  });
  afterAll(() => t.close());

  it('the test, the topic list and the processor cover the same topics', () => {
    const handled = Object.keys(t.app.get(OutboxHandlers).handlers).sort();
    expect(Object.keys(EFFECTS).sort()).toEqual(outboxTopics().sort());
    expect(handled).toEqual(Object.keys(OUTBOX_TOPICS).sort());
  });

  it('OutboxService is the only writer of outbox rows in libs and apps (migrations aside)', () => {
    const root = join(__dirname, '../..');
    const files = ['libs', 'apps'].flatMap((dir) =>
      (readdirSync(join(root, dir), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts') && !f.includes('node_modules') && !f.includes('/migrations/'))
        .map((f) => join(dir, f)),
    );
    const writers = files.filter((file) => {
      if (file.endsWith('libs/database/src/outbox.service.ts')) return false;
      const text = readFileSync(join(root, file), 'utf8');
      return /INSERT\s+INTO\s+"?outbox_event/i.test(text) || /\.insert\(\s*OutboxEvent\b/.test(text) || /\.into\(\s*OutboxEvent\b/.test(text);
    });
    expect(files.length).toBeGreaterThan(100);
    expect(writers).toEqual([]);
  });

  for (const topic of outboxTopics()) {
    it(`${topic}: written through OutboxService, relayed, handled, and its effect is seen`, async () => {
      const aggregateId = await EFFECTS[topic].arrange();
      expect(await EFFECTS[topic].observe(aggregateId)).toBe(false);
      await record(topic, aggregateId);
      await processed(topic, aggregateId);
      await eventually(() => EFFECTS[topic].observe(aggregateId), Boolean, WAIT_MS);
    });
  }

  it('application.changed: a step taken by the employer side tells the seeker once, however often it is delivered', async () => {
    const [application] = await dataSource.getRepository(Application).find({ where: { seekerId: seeker.id }, order: { createdAt: 'ASC' }, take: 1 });
    await dataSource.getRepository(Application).update(application.id, {
      status: 'interview', history: [...application.history, { status: 'interview', at: new Date().toISOString(), actorId: employerUserId }],
    });
    await record('application.changed', application.id);
    await record('application.changed', application.id);
    await eventually(
      () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'application.changed' AND aggregate_id = $1 AND processed_at IS NULL`, [application.id]),
      (rows: { n: number }[]) => rows[0].n === 0,
      WAIT_MS,
    );
    expect(await count(seekerUserId, 'application_status')).toBe(1);
    expect(await count(employerUserId, 'application_received')).toBe(1);
  });

  it('a station whose address moves tells the registrants of its upcoming events, and an edit that moves nothing tells no one', async () => {
    const published = await event('published');
    await attendee(published.id, { status: 'registered', registeredAt: new Date() });
    const admin = await new HttpClient(t.app).login((await dataSource.query(`SELECT username FROM app_user WHERE id = $1`, [adminId]))[0].username, TEST_PASSWORD);
    const changes = () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'event.changed' AND aggregate_id = $1`, [published.id]).then((r) => r[0].n);

    expect((await admin.patch(`/api/stations/${stationId}`, { capacity: 90 })).status).toBe(200);
    expect(await changes()).toBe(0);
    expect((await admin.patch(`/api/stations/${stationId}`, { address: '海口市龙华区滨海大道8号' })).status).toBe(200);
    expect(await changes()).toBe(1);
    await processed('event.changed', published.id);
    const [moved] = await eventually(
      (): Promise<{ bodyZh: string }[]> =>
        dataSource.query(`SELECT body_zh AS "bodyZh" FROM notification WHERE user_id = $1 AND kind = 'event_moved' AND link = $2`, [seekerUserId, `/events/${published.id}`]),
      (rows) => rows.length === 1,
      WAIT_MS,
    );
    expect(moved.bodyZh).toContain('滨海大道8号');
  });
});
