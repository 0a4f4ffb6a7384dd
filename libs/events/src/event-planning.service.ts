import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Clock, shanghaiDate, shanghaiInstant } from '@app/clock';
import { AppConfig } from '@app/config';
import { OutboxService } from '@app/database';
import { liveShortageWithPlacesSql } from '@app/employer-demand';
import { MatchVersions, regionRelation, REGION_SAME_CITY, REGION_SAME_COUNTY } from '@app/matching';
import { NotificationsService } from '@app/notifications';
import { countsAsPrioritySql } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { ACTIVE_EVENT_STATUSES } from './event-lifecycle';
import { DEFAULT_END, DEFAULT_START } from './events.service';
import { EventProposal, occupationFamily, PlanningCandidate, PlanningStation, planEvents, UnmetShortage } from './planning';

export interface PlanningSummary {
  runId: string | null;
  /** False when this run was planned before (the job is idempotent per match run). */
  planned: boolean;
  proposals: number;
  unmetShortages: number;
}

/**
 * Event planning from a complete match run: loads stations (with the days their events already hold),
 * open shortages with the run's ranked candidates (coordinates, travel radius, and the priority-group flag only
 * with the seeker's consent), calls the pure planner and stores its proposals for the stations' staff.
 * One planning per match run: a repeated job proposes nothing twice.
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
      if (run?.status !== 'complete') return { runId, planned: false, proposals: 0, unmetShortages: 0 };
      const claimed = await tx.query(`INSERT INTO event_planning (run_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING run_id`, [runId]);
      if (claimed.length === 0) return { runId, planned: false, proposals: 0, unmetShortages: 0 };

      const today = shanghaiDate(now);
      const stations = await this.stations(today);
      const shortages = await this.unmetShortages(runId, today, stations);
      const busy = await this.seekerBusy(today);
      const families = [...new Set(shortages.map((s) => occupationFamily(s.occupationCode)))];
      const familyNames = Object.fromEntries(families.map((f) => [f, this.taxonomy.occupation(f)?.name ?? f]));
      const proposals = planEvents(stations, shortages, {
        today,
        leadTimeDays: this.config.EVENT_LEAD_TIME_DAYS,
        horizonDays: this.config.EVENT_HORIZON_DAYS,
        strongScore: this.config.EVENT_STRONG_SCORE,
        familyNames,
      }, busy);
      const byId = new Map(shortages.map((s) => [s.id, s]));
      const capacities = new Map(stations.map((s) => [s.id, s.capacity]));
      let stored = 0;
      // The planner's smallest proposals (one or two invitees) are not worth a station's day.
      for (const proposal of proposals.filter((p) => p.expectedAttendance >= this.config.EVENT_MIN_EXPECTED_ATTENDANCE)) {
        if (await this.store(runId, proposal, byId, capacities.get(proposal.stationId)!, familyNames[proposal.occupationFamily] ?? proposal.occupationFamily)) stored += 1;
      }
      await tx.query(`UPDATE event_planning SET proposals = $2, unmet_shortages = $3 WHERE run_id = $1`, [runId, stored, shortages.length]);
      this.logger.log(`event planning for run ${runId}: ${stored} proposals from ${shortages.length} open shortages at ${stations.length} stations`);
      return { runId, planned: true, proposals: stored, unmetShortages: shortages.length };
    });
  }

  private async stations(today: string): Promise<PlanningStation[]> {
    const rows: { id: string; regionCode: string; lat: number; lng: number; capacity: number; booths: number; busy: string[] | null }[] = await this.txHost.tx.query(
      `SELECT st.id, st.region_code AS "regionCode", st.lat, st.lng, st.capacity, st.booths,
              (SELECT array_agg(DISTINCT e.date::text) FROM recruitment_event e
               WHERE e.station_id = st.id AND e.status = ANY($1) AND e.date >= $2::date) AS busy
       FROM station st ORDER BY st.id`,
      [ACTIVE_EVENT_STATUSES, today],
    );
    return rows.map((r) => ({ id: r.id, regionCode: r.regionCode, lat: r.lat, lng: r.lng, capacity: r.capacity, booths: r.booths, busyDates: r.busy ?? [] }));
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
    const candidates: { shortageId: string; seekerId: string; score: number; lat: number | null; lng: number | null; regionCode: string; radius: number; priority: boolean }[] =
      await this.txHost.tx.query(
        `SELECT r.shortage_id AS "shortageId", r.seeker_id AS "seekerId", r.score, p.lat, p.lng, p.region_code AS "regionCode", p.travel_radius_km AS radius,
                ${countsAsPrioritySql('p')} AS priority
         FROM match_result r JOIN seeker p ON p.id = r.seeker_id
         WHERE r.run_id = $1 AND r.shortage_id = ANY($2)`,
        [runId, shortages.map((s) => s.id)],
      );
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

  private async store(runId: string, proposal: EventProposal, shortages: Map<string, UnmetShortage>, capacity: number, familyName: string): Promise<boolean> {
    const tx = this.txHost.tx;
    const [event] = await tx.query(
      `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, occupation_family, capacity,
                                      headcount_addressed, expected_attendance, reasons, source_run_id, description)
       VALUES ($1, $2, 'on_site', 'proposed', 'planned', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        proposal.stationId, `${familyName}专场招聘会`, proposal.date, shanghaiInstant(proposal.date, DEFAULT_START), shanghaiInstant(proposal.date, DEFAULT_END),
        proposal.occupationFamily, Math.max(capacity, 1), proposal.headcountAddressed, proposal.expectedAttendance, JSON.stringify(proposal.reasons), runId,
        proposal.reasons.map((r) => r.zh).join('；'),
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
    const staff: { userId: string }[] = await tx.query(`SELECT user_id AS "userId" FROM station_staff WHERE station_id = $1`, [proposal.stationId]);
    await this.notifications.notify(
      staff.map((s) => s.userId),
      {
        kind: 'event_proposal',
        titleZh: `新的招聘活动提议：${familyName}专场招聘会（${proposal.date}）`,
        titleEn: `New recruitment event proposal for ${proposal.date}`,
        bodyZh: `${proposal.reasons.map((r) => r.zh).join('；')}。请确认、修改或说明理由后拒绝。`,
        bodyEn: `${proposal.reasons.map((r) => r.en).join('; ')}. Accept, edit or reject it with a reason.`,
        link: `/events/${eventId}`,
      },
      `event-proposal:${eventId}`,
    );
    return true;
  }
}

/** Squared degree distance: enough to pick the nearest of a county's few stations. */
function squared(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return (a.lat - b.lat) ** 2 + (a.lng - b.lng) ** 2;
}
