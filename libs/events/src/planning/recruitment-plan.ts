import { epochDay, isoDate, planningWindow, PlanningWindow, weekday } from './calendar';
import { selectUnmet, UnmetEntry } from './clusters';
import { centroid, distanceKm } from './geo';
import { resolvePlanningOptions, ResolvedPlanningOptions } from './options';
import { addDay, planEvents, seekerCalendar } from './planner';
import { eventReasons, generalFairReason, liveStreamReasons } from './reasons';
import {
  DirectReferral, EventInvitee, EventProposal, PlanningOptions, PlanningStation, RecruitmentPlan, SeekerBusyDates, UnmetShortage,
} from './types';

/** Monday of the day's week (weeks run Monday to Sunday, as the stations plan them). */
export function weekStart(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** Whether a proposal meets the minimums: employers for every kind, expected attendance for a venue. */
export function meetsMinimums(proposal: Pick<EventProposal, 'kind' | 'employerIds' | 'expectedAttendance'>, options: PlanningOptions): boolean {
  const opts = resolvePlanningOptions(options);
  if (proposal.employerIds.length < opts.minEmployers) return false;
  return proposal.kind === 'live_stream' || proposal.expectedAttendance >= opts.minExpectedAttendance;
}

/** One station's event in the making: placed proposals packed together. */
interface Fair {
  station: PlanningStation;
  day: number;
  parts: EventProposal[];
}

/** Demand of events below the minimums, pooled for a live stream. */
interface Thin {
  station: PlanningStation;
  /** Monday of the week of the event it was part of. */
  week: number;
  shortageId: string;
  invitees: EventInvitee[];
}

/**
 * Events worth holding. The placement (planEvents) proposes one event per occupation family; here the
 * proposals at one station in one week are packed into as few events as booths and capacity allow (several
 * families make a 综合招聘会), at most maxEventsPerStationWeek per station-week and one per station-day,
 * counting the days the stations already hold. An event below the minimums (employers, expected
 * attendance) is not proposed: its demand is pooled by county and week into a live stream (直播带岗) from
 * the county's station with the most of it, when that brings enough employers and a free day; what is left
 * goes to direct referral (its best candidates sent to the employer), as does unmet demand no event took.
 * A seeker is invited to at most one event per day. Deterministic.
 */
export function planRecruitment(
  stations: readonly PlanningStation[],
  shortages: readonly UnmetShortage[],
  options: PlanningOptions,
  seekerBusy?: SeekerBusyDates,
): RecruitmentPlan {
  const opts = resolvePlanningOptions(options);
  const window = planningWindow(opts.today, opts.leadTimeDays, opts.horizonDays);
  const placed = planEvents(stations, shortages, options, seekerBusy);
  const entries = new Map(selectUnmet(shortages, opts).map((e) => [e.shortage.id, e]));
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const calendar = seekerCalendar(seekerBusy);
  const ledger = new StationLedger(stations, opts.maxEventsPerStationWeek);

  const thin: Thin[] = [];
  const toThin = (station: PlanningStation, day: number, invitees: readonly EventInvitee[], shortageIds: readonly string[]) => {
    for (const shortageId of shortageIds) thin.push({ station, week: weekStart(day), shortageId, invitees: invitees.filter((i) => i.shortageId === shortageId) });
  };

  const fairs: Fair[] = [];
  for (const group of groupBy(placed, (p) => `${p.stationId}|${weekStart(epochDay(p.date))}`).values()) {
    const station = stationById.get(group[0].stationId)!;
    const room = ledger.room(station.id, weekStart(epochDay(group[0].date)));
    const packed: Fair[] = [];
    for (const p of [...group].sort((a, b) => b.headcountAddressed - a.headcountAddressed || (a.date < b.date ? -1 : 1))) {
      const fair = packed.find((f) => fits(f, p));
      if (fair) fair.parts.push(p);
      else if (packed.length < room) packed.push({ station, day: epochDay(p.date), parts: [p] });
      else toThin(station, epochDay(p.date), p.invitees, p.shortageIds);
    }
    fairs.push(...packed);
  }

  const proposals: EventProposal[] = [];
  for (const fair of fairs) {
    const invitees = freeInvitees(fair.parts.flatMap((p) => p.invitees), fair.day, calendar);
    const shortageIds = fair.parts.flatMap((p) => p.shortageIds);
    const proposal = fairProposal(fair, invitees, shortageIds.filter((id) => invitees.some((i) => i.shortageId === id)), entries, window, opts);
    if (proposal && meetsMinimums(proposal, opts)) {
      commit(proposal, fair.station.id, fair.day, ledger, calendar);
      proposals.push(proposal);
    } else toThin(fair.station, fair.day, fair.parts.flatMap((p) => p.invitees), shortageIds);
  }

  for (const pool of groupBy(thin, (t) => `${t.station.regionCode}|${t.week}`).values()) {
    const stream = liveStream(pool, entries, ledger, calendar, window, opts);
    if (stream) {
      commit(stream, stream.stationId, epochDay(stream.date), ledger, calendar);
      proposals.push(stream);
    }
  }

  const inEvent = new Set(proposals.flatMap((p) => p.shortageIds));
  const wasPlaced = new Set(placed.flatMap((p) => p.shortageIds));
  const referrals: DirectReferral[] = [];
  for (const entry of [...entries.values()].sort((a, b) => (a.shortage.id < b.shortage.id ? -1 : 1))) {
    const { shortage } = entry;
    if (inEvent.has(shortage.id) || shortage.candidates.length === 0) continue;
    const seekerIds = [...new Set([...shortage.candidates].sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1)).map((c) => c.seekerId))];
    referrals.push({
      shortageId: shortage.id,
      employerId: shortage.employerId,
      seekerIds: seekerIds.slice(0, Math.ceil(shortage.openHeadcount * opts.maxInviteesPerEmployerSeat - 1e-9)),
      cause: wasPlaced.has(shortage.id) ? 'below_minimums' : 'no_event',
    });
  }
  proposals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0));
  return { proposals, referrals };

  function fits(fair: Fair, p: EventProposal): boolean {
    const employers = new Set([...fair.parts.flatMap((q) => q.employerIds), ...p.employerIds]);
    const seekers = new Set([...fair.parts.flatMap((q) => q.invitees), ...p.invitees].map((i) => i.seekerId));
    return employers.size <= fair.station.booths && seekers.size <= fair.station.capacity;
  }
}

/** Days each station holds (given and planned) and events per week. */
class StationLedger {
  private readonly days = new Map<string, Set<number>>();
  private readonly weeks = new Map<string, number>();

  constructor(
    stations: readonly PlanningStation[],
    private readonly perWeek: number,
  ) {
    for (const s of stations) for (const date of new Set(s.busyDates)) this.take(s.id, epochDay(date));
  }

  room(stationId: string, week: number): number {
    return Math.max(0, this.perWeek - (this.weeks.get(`${stationId}|${week}`) ?? 0));
  }

  isFree(stationId: string, day: number): boolean {
    return !this.days.get(stationId)?.has(day) && this.room(stationId, weekStart(day)) > 0;
  }

  take(stationId: string, day: number): void {
    let days = this.days.get(stationId);
    if (!days) this.days.set(stationId, (days = new Set()));
    if (days.has(day)) return;
    days.add(day);
    const key = `${stationId}|${weekStart(day)}`;
    this.weeks.set(key, (this.weeks.get(key) ?? 0) + 1);
  }
}

function commit(proposal: EventProposal, stationId: string, day: number, ledger: StationLedger, calendar: Map<string, Set<number>>): void {
  ledger.take(stationId, day);
  for (const i of proposal.invitees) addDay(calendar, i.seekerId, day);
}

/** Invitees free on the day, each seeker once (the first listing kept). */
function freeInvitees(invitees: readonly EventInvitee[], day: number, calendar: Map<string, Set<number>>): EventInvitee[] {
  const seen = new Set<string>();
  return invitees.filter((i) => !calendar.get(i.seekerId)?.has(day) && !seen.has(i.seekerId) && !!seen.add(i.seekerId));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function headcount(shortageIds: readonly string[], invitees: readonly EventInvitee[], entries: Map<string, UnmetEntry>): number {
  let n = 0;
  for (const id of shortageIds) n += Math.min(entries.get(id)!.shortage.openHeadcount, invitees.filter((i) => i.shortageId === id).length);
  return n;
}

/** Families by open positions, most first; ties by code. */
function familiesOf(shortageIds: readonly string[], entries: Map<string, UnmetEntry>): string[] {
  const open = new Map<string, number>();
  for (const id of shortageIds) {
    const e = entries.get(id)!;
    open.set(e.family, (open.get(e.family) ?? 0) + e.shortage.openHeadcount);
  }
  return [...open].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => f);
}

function familyLabel(family: string, shortageIds: readonly string[], entries: Map<string, UnmetEntry>, opts: ResolvedPlanningOptions): string {
  if (opts.familyNames?.[family]) return opts.familyNames[family];
  const names = new Set(shortageIds.map((id) => entries.get(id)!).filter((e) => e.family === family).map((e) => e.shortage.occupationName).filter((n): n is string => !!n));
  return names.size === 1 ? [...names][0] : family;
}

function fairProposal(
  fair: Fair,
  invitees: EventInvitee[],
  shortageIds: string[],
  entries: Map<string, UnmetEntry>,
  window: PlanningWindow,
  opts: ResolvedPlanningOptions,
): EventProposal | null {
  if (shortageIds.length === 0) return null;
  shortageIds.sort();
  const members = shortageIds.map((id) => entries.get(id)!);
  const families = familiesOf(shortageIds, entries);
  const labels = families.map((f) => familyLabel(f, shortageIds, entries, opts));
  const employerIds = [...new Set(members.map((e) => e.shortage.employerId))].sort();
  const ordered = shortageIds.flatMap((id) => invitees.filter((i) => i.shortageId === id));
  const expectedAttendance = Math.round(ordered.length * opts.attendanceRate);
  const headcountAddressed = headcount(shortageIds, ordered, entries);
  const date = isoDate(fair.day);
  const reasons = eventReasons({
    familyLabels: labels,
    openHeadcount: members.reduce((n, e) => n + e.shortage.openHeadcount, 0),
    headcountAddressed,
    strongCandidates: members.reduce((n, e) => n + e.shortage.strongCandidates, 0),
    urgentShortages: members.filter((e) => e.causes.includes('urgent')).length,
    dueShortages: members.filter((e) => e.causes.includes('deadline')).length,
    distanceToDemandKm: distanceKm(fair.station, centroid(members, (e) => e.shortage.openHeadcount)),
    capacity: fair.station.capacity,
    booths: fair.station.booths,
    employers: employerIds.length,
    date,
    daysAfterLead: fair.day - window.first,
    leadTimeDays: opts.leadTimeDays,
    invitees: ordered.length,
    strongInvitees: ordered.filter((i) => i.score >= opts.strongScore).length,
    priorityInvitees: ordered.filter((i) => i.priorityGroup).length,
    expectedAttendance,
    locatedByRegion: members.filter((e) => e.shortage.locatedBy === 'region').length,
  });
  if (fair.parts.length > 1) reasons.splice(1, 0, generalFairReason(fair.parts.length, labels));
  return {
    kind: families.length > 1 ? 'general_fair' : 'specialised_fair',
    stationId: fair.station.id,
    date,
    occupationFamily: families[0],
    occupationFamilies: [...families].sort(),
    shortageIds,
    employerIds,
    invitees: ordered,
    headcountAddressed,
    expectedAttendance,
    reasons,
  };
}

/**
 * A live stream for one county's thin demand in one week: hosted by the pool's station with the most open
 * positions that has a free day in the week (open weekday, within the window and the weekly limit); null
 * when the pool has too few employers or no station a free day.
 */
function liveStream(
  pool: Thin[],
  entries: Map<string, UnmetEntry>,
  ledger: StationLedger,
  calendar: Map<string, Set<number>>,
  window: PlanningWindow,
  opts: ResolvedPlanningOptions,
): EventProposal | null {
  const shortageIds = [...new Set(pool.map((t) => t.shortageId))].sort();
  const employerIds = [...new Set(shortageIds.map((id) => entries.get(id)!.shortage.employerId))].sort();
  if (employerIds.length < opts.minEmployers) return null;
  const open = new Map<PlanningStation, number>();
  for (const t of pool) open.set(t.station, (open.get(t.station) ?? 0) + entries.get(t.shortageId)!.shortage.openHeadcount);
  const hosts = [...open].sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1)).map(([s]) => s);
  for (const host of hosts) {
    const day = freeDay(host, pool[0].week, ledger, window);
    if (day === null) continue;
    const invitees = freeInvitees(
      shortageIds.flatMap((id) => pool.filter((t) => t.shortageId === id).flatMap((t) => t.invitees)),
      day,
      calendar,
    );
    const families = familiesOf(shortageIds, entries);
    const headcountAddressed = headcount(shortageIds, invitees, entries);
    const date = isoDate(day);
    return {
      kind: 'live_stream',
      stationId: host.id,
      date,
      occupationFamily: families[0],
      occupationFamilies: [...families].sort(),
      shortageIds,
      employerIds,
      invitees,
      headcountAddressed,
      expectedAttendance: Math.round(invitees.length * opts.attendanceRate),
      reasons: liveStreamReasons({
        familyLabels: families.map((f) => familyLabel(f, shortageIds, entries, opts)),
        openHeadcount: shortageIds.reduce((n, id) => n + entries.get(id)!.shortage.openHeadcount, 0),
        headcountAddressed,
        employers: employerIds.length,
        invitees: invitees.length,
        priorityInvitees: invitees.filter((i) => i.priorityGroup).length,
        minEmployers: opts.minEmployers,
        minExpectedAttendance: opts.minExpectedAttendance,
        date,
      }),
    };
  }
  return null;
}

/** The host's earliest free day in the week: open, within the window, not taken, the weekly limit allowing. */
function freeDay(host: PlanningStation, week: number, ledger: StationLedger, window: PlanningWindow): number | null {
  for (let day = Math.max(week, window.first); day < Math.min(week + 7, window.end); day++) {
    if (host.openWeekdays && !host.openWeekdays.includes(weekday(day))) continue;
    if (ledger.isFree(host.id, day)) return day;
  }
  return null;
}
