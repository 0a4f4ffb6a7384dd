import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { addDays, Clock, shanghaiDate, shanghaiInstant } from '@app/clock';
import { AppConfig } from '@app/config';
import { OutboxService } from '@app/database';
import { liveShortageWithPlacesSql } from '@app/employer-demand';
import { MatchVersions, regionRelation, REGION_SAME_CITY, REGION_SAME_COUNTY } from '@app/matching';
import { NotificationsService } from '@app/notifications';
import { SeekerEventReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { ACTIVE_EVENT_STATUSES } from './event-lifecycle';
import { DEFAULT_END, DEFAULT_START } from './events.service';
import { OfferedJob, publicEventDescription } from './event-description';
import { DirectReferral, EventKind, EventProposal, occupationFamily, PlanningCandidate, PlanningStation, planRecruitment, UnmetShortage } from './planning';
import { epochDay, isoDate, planningWindow, weekday } from './planning/calendar';
import { distanceKm } from './planning/geo';

export interface PlanningSummary {
  runId: string | null;
  /** False when this run was planned before (the job is idempotent per match run). */
  planned: boolean;
  proposals: number;
  unmetShortages: number;
  /** Unmet shortages too small for any event, whose best candidates were sent to the employer. */
  referrals: number;
}

/** A targeted event asked for by another domain (the early warning's rapid response to a §41 layoff). */
export interface TargetedEventRequest {
  /** Where the people are (the laid-off employer's place). */
  lat: number;
  lng: number;
  /** Open shortages to recruit for, best first; their employers take the booths (as many as the station has). */
  shortages: { id: string; employerId: string }[];
  /** People expected (those laid off). */
  expectedAttendance: number;
  /** Occupation family codes the event recruits for. */
  occupationFamilies: string[];
  reasonZh: string;
  reasonEn: string;
  /** Idempotency: one proposal per key (the layoff report id). */
  key: string;
}

export interface TargetedEventProposal {
  eventId: string;
  stationId: string;
  stationName: string;
  date: string;
  distanceKm: number;
}

/** A station as the planner and the public description need it. */
type StationRow = PlanningStation & { name: string; address: string };

const KIND_TITLE: Record<EventKind, (families: string) => string> = {
  specialised_fair: (families) => `${families}专场招聘会`,
  general_fair: () => '综合招聘会',
  live_stream: (families) => `${families}直播带岗`,
};

/**
 * Event planning from a complete match run: loads stations (with the days their events already hold),
 * open shortages with the run's ranked candidates (coordinates, travel radius, and the priority-group flag only
 * with the seeker's consent), calls the pure planner (planRecruitment: events worth holding, within the
 * configured minimums and weekly limit) and stores its proposals for the stations' staff, each with the
 * planner's reasons (for the staff) and a public description (for seekers and employers). Demand too small
 * for any event goes to direct referral: the employer hears of its candidates, the staff of the nearest
 * station of what was referred. One planning per match run: a repeated job proposes nothing twice.
 */
@Injectable()
export class EventPlanningService {
  private readonly logger = new Logger(EventPlanningService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly versions: MatchVersions,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly taxonomy: Taxonomy,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly seekerEvents: SeekerEventReads,
  ) {}

  /** Records the request (an outbox row) in the caller's transaction; the matcher plans from the latest complete run. */
  async request(): Promise<string | null> {
    const runId = await this.versions.current();
    if (runId) await this.outbox.record('events.plan_requested', runId);
    return runId;
  }

  async planForRun(runId: string, now: Date = this.clock.now()): Promise<PlanningSummary> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const [run] = await tx.query(`SELECT status FROM match_run WHERE id = $1`, [runId]);
      const nothing = { runId, planned: false, proposals: 0, unmetShortages: 0, referrals: 0 };
      if (run?.status !== 'complete') return nothing;
      const claimed = await tx.query(`INSERT INTO event_planning (run_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING run_id`, [runId]);
      if (claimed.length === 0) return nothing;

      const today = shanghaiDate(now);
      const stations = await this.stations(today);
      const shortages = await this.unmetShortages(runId, today, stations);
      const busy = await this.seekerBusy(today);
      const families = [...new Set(shortages.map((s) => occupationFamily(s.occupationCode)))];
      const familyNames = Object.fromEntries(families.map((f) => [f, this.taxonomy.occupation(f)?.name ?? f]));
      const plan = planRecruitment(stations, shortages, {
        today,
        leadTimeDays: this.config.EVENT_LEAD_TIME_DAYS,
        horizonDays: this.config.EVENT_HORIZON_DAYS,
        strongScore: this.config.EVENT_STRONG_SCORE,
        minEmployers: this.config.EVENT_MIN_EMPLOYERS,
        minExpectedAttendance: this.config.EVENT_MIN_EXPECTED_ATTENDANCE,
        maxEventsPerStationWeek: this.config.EVENT_MAX_PER_STATION_WEEK,
        familyNames,
      }, busy);
      const byId = new Map(shortages.map((s) => [s.id, s]));
      const stationById = new Map(stations.map((s) => [s.id, s]));
      const jobs = await this.offeredJobs(plan.proposals.flatMap((p) => p.shortageIds));
      let stored = 0;
      for (const proposal of plan.proposals) {
        const familyLabel = proposal.occupationFamilies.map((f) => familyNames[f] ?? f).join('、');
        if (await this.store(runId, proposal, byId, stationById.get(proposal.stationId)!, familyLabel, jobs)) stored += 1;
      }
      await this.refer(runId, plan.referrals, byId, stations);
      await tx.query(`UPDATE event_planning SET proposals = $2, unmet_shortages = $3, referrals = $4 WHERE run_id = $1`, [runId, stored, shortages.length, plan.referrals.length]);
      this.logger.log(
        `event planning for run ${runId}: ${stored} proposals and ${plan.referrals.length} direct referrals from ${shortages.length} open shortages at ${stations.length} stations`,
      );
      return { runId, planned: true, proposals: stored, unmetShortages: shortages.length, referrals: plan.referrals.length };
    });
  }

  /**
   * A targeted event (专场) proposed at the station nearest the given place, on its first open, free day in the
   * planning window (the planner's lead time, horizon, open weekdays and busy days), for the given shortages'
   * employers; the station's staff get it in their inbox like any proposal and accept, edit or reject it. Runs in
   * the caller's transaction; the same key proposes once (the event's reasons carry it).
   */
  async proposeTargeted(request: TargetedEventRequest, now: Date = this.clock.now()): Promise<TargetedEventProposal | null> {
    const tx = this.txHost.tx;
    const [existing] = await tx.query(
      `SELECT e.id, e.station_id AS "stationId", st.name AS "stationName", e.date::text AS date FROM recruitment_event e JOIN station st ON st.id = e.station_id
       WHERE e.reasons @> $1::jsonb`,
      [JSON.stringify([{ code: 'RAPID_RESPONSE', key: request.key }])],
    );
    if (existing) return { ...existing, distanceKm: Math.round(distanceKm(request, await this.stationPoint(existing.stationId)) * 10) / 10 };
    const today = shanghaiDate(now);
    const stations = (await this.stations(today)).sort((a, b) => distanceKm(request, a) - distanceKm(request, b));
    const window = planningWindow(today, this.config.EVENT_LEAD_TIME_DAYS, this.config.EVENT_HORIZON_DAYS);
    for (const station of stations) {
      const busy = new Set(station.busyDates.map(epochDay));
      let day = window.first;
      while (day < window.end && (busy.has(day) || (station.openWeekdays && !station.openWeekdays.includes(weekday(day))))) day += 1;
      if (day >= window.end) continue;
      const date = isoDate(day);
      const chosen = request.shortages.slice(0, Math.max(station.booths, 1) * 3);
      const employers = [...new Set(chosen.map((s) => s.employerId))].slice(0, Math.max(station.booths, 1));
      const kept = chosen.filter((s) => employers.includes(s.employerId));
      const jobs = await this.offeredJobs(kept.map((s) => s.id));
      const families = request.occupationFamilies.map((f) => this.taxonomy.occupation(f)?.name ?? f).join('、') || '转岗就业';
      const title = `${families}等岗位专场招聘会（快速响应）`;
      const distance = Math.round(distanceKm(request, station) * 10) / 10;
      const reasons = [
        { code: 'RAPID_RESPONSE', key: request.key, zh: request.reasonZh, en: request.reasonEn },
        { code: 'NEAREST_STATION', zh: `距离裁员企业最近的驿站（约 ${distance} 公里）`, en: `The station nearest the employer (about ${distance} km)` },
      ];
      const description = publicEventDescription({
        kind: 'specialised_fair', date, startTime: DEFAULT_START, endTime: DEFAULT_END, stationName: station.name, stationAddress: station.address,
        jobs: kept.map((s) => jobs.get(s.id)).filter((j): j is OfferedJob => !!j),
      });
      const [event] = await tx.query(
        `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, occupation_family, occupation_families, capacity,
                                        headcount_addressed, expected_attendance, reasons, description)
         VALUES ($1, $2, 'on_site', 'proposed', 'planned', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          station.id, title, date, shanghaiInstant(date, DEFAULT_START), shanghaiInstant(date, DEFAULT_END), request.occupationFamilies[0] ?? null,
          request.occupationFamilies, Math.max(station.capacity, 1), [...jobs.values()].reduce((n, j) => n + j.headcount, 0), request.expectedAttendance,
          JSON.stringify(reasons), description,
        ],
      );
      let booth = 0;
      for (const employerId of employers) {
        booth += 1;
        await tx.query(`INSERT INTO event_employer (event_id, employer_id, booth, shortage_ids) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          event.id, employerId, String(booth), kept.filter((s) => s.employerId === employerId).map((s) => s.id),
        ]);
      }
      await this.notifications.notify(
        await this.staffOf(station.id),
        {
          kind: 'event_proposal',
          titleZh: `新的招聘活动提议：${title}（${date}）`,
          titleEn: `New recruitment event proposal for ${date} (rapid response to a layoff)`,
          bodyZh: `${reasons.map((r) => r.zh).join('；')}。请确认、修改或说明理由后拒绝。`,
          bodyEn: `${reasons.map((r) => r.en).join('; ')}. Accept, edit or reject it with a reason.`,
          link: `/events/${event.id}`,
        },
        `event-proposal:${event.id}`,
      );
      return { eventId: event.id, stationId: station.id, stationName: station.name, date, distanceKm: distance };
    }
    return null;
  }

  private async stationPoint(stationId: string): Promise<{ lat: number; lng: number }> {
    const [row] = await this.txHost.tx.query(`SELECT lat, lng FROM station WHERE id = $1`, [stationId]);
    return row;
  }

  /** Stations with their open weekdays; the days they already hold an event or are closed count as busy. */
  private async stations(today: string): Promise<StationRow[]> {
    const rows: {
      id: string; name: string; address: string; regionCode: string; lat: number; lng: number; capacity: number; booths: number; busy: string[] | null;
      openWeekdays: number[]; closedFrom: string | null; closedUntil: string | null;
    }[] = await this.txHost.tx.query(
      `SELECT st.id, st.name, st.address, st.region_code AS "regionCode", st.lat, st.lng, st.capacity, st.booths, st.open_weekdays AS "openWeekdays",
              st.closed_from::text AS "closedFrom", st.closed_until::text AS "closedUntil",
              (SELECT array_agg(DISTINCT e.date::text) FROM recruitment_event e
               WHERE e.station_id = st.id AND e.status = ANY($1) AND e.date >= $2::date) AS busy
       FROM station st ORDER BY st.id`,
      [ACTIVE_EVENT_STATUSES, today],
    );
    const horizonEnd = addDays(today, this.config.EVENT_HORIZON_DAYS);
    return rows.map((r) => {
      const closed: string[] = [];
      if (r.closedFrom) {
        const last = r.closedUntil && r.closedUntil < horizonEnd ? r.closedUntil : horizonEnd;
        for (let day = r.closedFrom < today ? today : r.closedFrom; day <= last; day = addDays(day, 1)) closed.push(day);
      }
      return {
        id: r.id, name: r.name, address: r.address, regionCode: r.regionCode, lat: r.lat, lng: r.lng, capacity: r.capacity, booths: r.booths,
        busyDates: [...(r.busy ?? []), ...closed], openWeekdays: r.openWeekdays,
      };
    });
  }

  /**
   * Where a record without coordinates is served, by its region code: the station of its county (else of its
   * city) nearest the region's seat, else the seat itself; null only for a region with no seat (the province).
   */
  private placeByRegion(regionCode: string, stations: PlanningStation[]): { lat: number; lng: number } | null {
    const center = this.taxonomy.region(regionCode)?.center ?? null;
    for (const relation of [REGION_SAME_COUNTY, REGION_SAME_CITY]) {
      const near = stations.filter((s) => regionRelation(s.regionCode, regionCode) === relation);
      if (near.length === 0) continue;
      if (!center) return near[0];
      return near.reduce((best, s) => (squared(s, center) < squared(best, center) ? s : best));
    }
    return center;
  }

  /**
   * Open shortages not already in an upcoming event, with the run's candidates. Shortages and seekers without
   * coordinates take part, placed by their region (`placeByRegion`); the shortages are marked `locatedBy: 'region'`.
   */
  private async unmetShortages(runId: string, today: string, stations: PlanningStation[]): Promise<UnmetShortage[]> {
    const rows: { id: string; employerId: string; occupationCode: string; regionCode: string; lat: number | null; lng: number | null; open: number; urgency: string; deadline: string }[] =
      await this.txHost.tx.query(
        `SELECT s.id, s.employer_id AS "employerId", s.occupation_code AS "occupationCode", s.region_code AS "regionCode", s.lat, s.lng,
                (s.headcount - s.filled_headcount)::int AS open, s.urgency, s.deadline::text AS deadline
         FROM shortage s
         WHERE ${liveShortageWithPlacesSql('s')}
           AND NOT EXISTS (SELECT 1 FROM event_employer ee JOIN recruitment_event e ON e.id = ee.event_id
                           WHERE s.id = ANY(ee.shortage_ids) AND e.status = ANY($1) AND e.date >= $2::date)
         ORDER BY s.id`,
        [ACTIVE_EVENT_STATUSES, today],
      );
    const shortages: (Omit<(typeof rows)[number], 'lat' | 'lng'> & { lat: number; lng: number; locatedBy: 'point' | 'region' })[] = [];
    const unplaced: string[] = [];
    for (const row of rows) {
      if (row.lat !== null && row.lng !== null) shortages.push({ ...row, lat: row.lat, lng: row.lng, locatedBy: 'point' });
      else {
        const place = this.placeByRegion(row.regionCode, stations);
        if (place) shortages.push({ ...row, lat: place.lat, lng: place.lng, locatedBy: 'region' });
        else unplaced.push(row.id);
      }
    }
    if (unplaced.length) {
      this.logger.warn(`event planning for run ${runId}: ${unplaced.length} open shortages have neither coordinates nor a county (region code) to plan by: ${unplaced.slice(0, 10).join(', ')}`);
    }
    if (shortages.length === 0) return [];
    const ranked: { shortageId: string; seekerId: string; score: number }[] = await this.txHost.tx.query(
      `SELECT r.shortage_id AS "shortageId", r.seeker_id AS "seekerId", r.score FROM match_result r WHERE r.run_id = $1 AND r.shortage_id = ANY($2)`,
      [runId, shortages.map((s) => s.id)],
    );
    const places = await this.seekerEvents.planningPlacesOf([...new Set(ranked.map((r) => r.seekerId))]);
    const candidates = ranked.flatMap((r) => {
      const p = places.get(r.seekerId);
      return p ? [{ ...r, lat: p.lat, lng: p.lng, regionCode: p.regionCode, radius: p.travelRadiusKm, priority: p.countsAsPriority }] : [];
    });
    const byShortage = new Map<string, PlanningCandidate[]>();
    const shortageById = new Map(shortages.map((s) => [s.id, s]));
    for (const c of candidates) {
      let list = byShortage.get(c.shortageId);
      if (!list) byShortage.set(c.shortageId, (list = []));
      // A seeker without coordinates is placed by region too (the matcher found them in reach of the shortage by region).
      const place = c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : (this.placeByRegion(c.regionCode, stations) ?? shortageById.get(c.shortageId)!);
      list.push({ seekerId: c.seekerId, score: c.score, lat: place.lat, lng: place.lng, travelRadiusKm: c.radius, priorityGroup: c.priority });
    }
    return shortages.map((s) => {
      const list = (byShortage.get(s.id) ?? []).sort((a, b) => b.score - a.score);
      return {
        id: s.id,
        employerId: s.employerId,
        occupationCode: s.occupationCode,
        occupationName: this.taxonomy.occupation(s.occupationCode)?.name,
        regionCode: s.regionCode,
        lat: s.lat,
        lng: s.lng,
        locatedBy: s.locatedBy,
        openHeadcount: s.open,
        strongCandidates: list.filter((c) => c.score >= this.config.EVENT_STRONG_SCORE).length,
        urgency: (['urgent', 'critical'].includes(s.urgency) ? s.urgency : 'normal') as UnmetShortage['urgency'],
        deadline: s.deadline,
        candidates: list,
      };
    });
  }

  /** Seekers already invited to or registered for an upcoming event, by day: no two events on one day. */
  private async seekerBusy(today: string): Promise<Map<string, string[]>> {
    const rows: { seekerId: string; date: string }[] = await this.txHost.tx.query(
      `SELECT a.seeker_id AS "seekerId", e.date::text AS date FROM event_attendee a JOIN recruitment_event e ON e.id = a.event_id
       WHERE a.status IN ('invited', 'registered') AND e.status = ANY($1) AND e.date >= $2::date`,
      [ACTIVE_EVENT_STATUSES, today],
    );
    const busy = new Map<string, string[]>();
    for (const row of rows) busy.set(row.seekerId, [...(busy.get(row.seekerId) ?? []), row.date]);
    return busy;
  }

  /** The jobs on offer for the public descriptions: title, open positions, wages and the employer's name, by shortage. */
  private async offeredJobs(shortageIds: string[]): Promise<Map<string, OfferedJob>> {
    if (shortageIds.length === 0) return new Map();
    const rows: (OfferedJob & { id: string })[] = await this.txHost.tx.query(
      `SELECT s.id, em.name AS "employerName", s.title, (s.headcount - s.filled_headcount)::int AS headcount, s.wage_min AS "wageMin", s.wage_max AS "wageMax",
              s.pay_basis AS "payBasis"
       FROM shortage s JOIN employer em ON em.id = s.employer_id WHERE s.id = ANY($1)`,
      [shortageIds],
    );
    return new Map(rows.map(({ id, ...job }) => [id, job]));
  }

  private async store(
    runId: string,
    proposal: EventProposal,
    shortages: Map<string, UnmetShortage>,
    station: StationRow,
    familyLabel: string,
    jobs: Map<string, OfferedJob>,
  ): Promise<boolean> {
    const tx = this.txHost.tx;
    const title = KIND_TITLE[proposal.kind](familyLabel);
    const description = publicEventDescription({
      kind: proposal.kind,
      date: proposal.date,
      startTime: DEFAULT_START,
      endTime: DEFAULT_END,
      stationName: station.name,
      stationAddress: station.address,
      jobs: proposal.shortageIds.map((id) => jobs.get(id)).filter((j): j is OfferedJob => !!j),
    });
    const [event] = await tx.query(
      `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, occupation_family, occupation_families, capacity,
                                      headcount_addressed, expected_attendance, reasons, source_run_id, description)
       VALUES ($1, $2, $3, 'proposed', 'planned', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        proposal.stationId, title, proposal.kind === 'live_stream' ? 'live_stream' : 'on_site', proposal.date, shanghaiInstant(proposal.date, DEFAULT_START),
        shanghaiInstant(proposal.date, DEFAULT_END), proposal.occupationFamily, proposal.occupationFamilies, Math.max(station.capacity, 1), proposal.headcountAddressed,
        proposal.expectedAttendance, JSON.stringify(proposal.reasons), runId, description,
      ],
    );
    if (!event) return false;
    const eventId: string = event.id;
    let booth = 0;
    for (const employerId of proposal.employerIds) {
      const shortageIds = proposal.shortageIds.filter((id) => shortages.get(id)?.employerId === employerId);
      booth += 1;
      await tx.query(`INSERT INTO event_employer (event_id, employer_id, booth, shortage_ids) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        eventId, employerId, String(booth), shortageIds,
      ]);
    }
    const seen = new Set<string>();
    const invitees = proposal.invitees.filter((i) => !seen.has(i.seekerId) && seen.add(i.seekerId));
    if (invitees.length) {
      await tx.query(
        `INSERT INTO event_attendee (event_id, seeker_id, shortage_id, score, priority_group, status, source)
         SELECT $1, i.seeker_id, i.shortage_id, i.score, i.priority, 'invited', 'invitation'
         FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::boolean[]) AS i(seeker_id, shortage_id, score, priority)
         ON CONFLICT DO NOTHING`,
        [eventId, invitees.map((i) => i.seekerId), invitees.map((i) => i.shortageId), invitees.map((i) => i.score), invitees.map((i) => i.priorityGroup)],
      );
    }
    await this.notifications.notify(
      await this.staffOf(proposal.stationId),
      {
        kind: 'event_proposal',
        titleZh: `新的招聘活动提议：${title}（${proposal.date}）`,
        titleEn: `New recruitment event proposal for ${proposal.date}`,
        bodyZh: `${proposal.reasons.map((r) => r.zh).join('；')}。请确认、修改或说明理由后拒绝。`,
        bodyEn: `${proposal.reasons.map((r) => r.en).join('; ')}. Accept, edit or reject it with a reason.`,
        link: `/events/${eventId}`,
      },
      `event-proposal:${eventId}`,
    );
    return true;
  }

  /**
   * Direct referral (直接推荐) of demand too small for any event: stored, the employer told how many candidates
   * were sent for the shortage, and the staff of the station nearest each shortage told what was referred.
   */
  private async refer(runId: string, referrals: DirectReferral[], shortages: Map<string, UnmetShortage>, stations: PlanningStation[]): Promise<void> {
    if (referrals.length === 0) return;
    const tx = this.txHost.tx;
    await tx.query(
      `INSERT INTO event_referral (run_id, shortage_id, employer_id, seeker_ids, cause)
       SELECT $1, r.shortage_id, r.employer_id, string_to_array(r.seekers, ',')::uuid[], r.cause
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS r(shortage_id, employer_id, seekers, cause)
       ON CONFLICT DO NOTHING`,
      [runId, referrals.map((r) => r.shortageId), referrals.map((r) => r.employerId), referrals.map((r) => r.seekerIds.join(',')), referrals.map((r) => r.cause)],
    );
    const titles = new Map<string, string>(
      (await tx.query(`SELECT id, title FROM shortage WHERE id = ANY($1)`, [referrals.map((r) => r.shortageId)]) as { id: string; title: string }[]).map((r) => [r.id, r.title]),
    );
    const byStation = new Map<string, DirectReferral[]>();
    for (const referral of referrals) {
      const shortage = shortages.get(referral.shortageId)!;
      const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE employer_id = $1 AND NOT disabled`, [referral.employerId]);
      const title = titles.get(referral.shortageId) ?? referral.shortageId;
      await this.notifications.notify(
        users.map((u) => u.id),
        {
          kind: 'event_referral',
          titleZh: `已为岗位「${title}」直接推荐 ${referral.seekerIds.length} 名候选人`,
          titleEn: `${referral.seekerIds.length} candidates referred for "${title}"`,
          bodyZh: '该岗位的需求暂不足以举办招聘活动，驿站已将匹配度最高的求职者直接推荐给您，请查看匹配结果并尽快联系。',
          bodyEn: 'The demand is too small for a recruitment event; the best-matched seekers were referred to you directly. See the match results and get in touch.',
          link: `/shortages/${referral.shortageId}`,
        },
        `event-referral:${runId}:${referral.shortageId}`,
      );
      if (stations.length === 0) continue;
      const nearest = stations.reduce((best, s) => (squared(s, shortage) < squared(best, shortage) ? s : best));
      byStation.set(nearest.id, [...(byStation.get(nearest.id) ?? []), referral]);
    }
    for (const [stationId, list] of byStation) {
      const lines = list.map((r) => `${titles.get(r.shortageId) ?? r.shortageId}（推荐 ${r.seekerIds.length} 人）`);
      await this.notifications.notify(
        await this.staffOf(stationId),
        {
          kind: 'event_referral',
          titleZh: `${list.length} 个岗位需求不足以办招聘活动，已直接推荐候选人`,
          titleEn: `${list.length} shortages too small for an event: candidates referred directly`,
          bodyZh: lines.join('；'),
          bodyEn: `${list.length} shortages near this station were referred directly to their employers instead of an event.`,
          link: '/events?status=proposed',
        },
        `event-referral:${runId}:${stationId}`,
      );
    }
  }

  private async staffOf(stationId: string): Promise<string[]> {
    const staff: { userId: string }[] = await this.txHost.tx.query(`SELECT user_id AS "userId" FROM station_staff WHERE station_id = $1`, [stationId]);
    return staff.map((s) => s.userId);
  }
}

/** Squared degree distance: enough to pick the nearest of a county's few stations. */
function squared(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return (a.lat - b.lat) ** 2 + (a.lng - b.lng) ** 2;
}
