import { epochDay, isoDate, planningWindow, PlanningWindow, weekday } from './calendar';
import { clusterDemand, compareClusters, DemandCluster, makeCluster, selectUnmet, UnmetEntry } from './clusters';
import {
  draftEvent, eligibleAt, EventDraft, fillInvitations, invitationTarget, PlanShortage, restore, seatTarget, SeekerCalendar, snapshot, StationSlots,
} from './event-builder';
import { centroid, distanceKm, GridIndex, Point } from './geo';
import { resolvePlanningOptions, ResolvedPlanningOptions } from './options';
import { eventReasons } from './reasons';
import { EventProposal, PlanningOptions, PlanningStation, SeekerBusyDates, UnmetShortage } from './types';

/** Stations tried per cluster, nearest (to the demand and its candidates) first. */
const STATIONS_TRIED = 3;
/** Free days tried per station before settling for the best of them. */
const DAYS_TRIED = 14;

/**
 * Proposes recruitment events for unmet demand. Greedy and deterministic: clusters (occupation family x
 * catchment) are served heaviest first (headcount, more for urgent and due shortages); for each, the
 * nearest few stations (to the demand and its candidates) are tried and the one whose event fills the
 * most positions is taken, on its earliest free day that achieves that. An event takes the unplaced
 * shortages of the family within the catchment that fill the most positions without competing for the
 * same seekers (employers within the booths); what a cluster keeps unplaced is queued again. Then the
 * shortages still unplaced join planned events where they add positions, and each event is topped up with
 * invitations for no-shows. A shortage is in at most one event of a plan; proposals come in plan order.
 */
export function planEvents(
  stations: readonly PlanningStation[],
  shortages: readonly UnmetShortage[],
  options: PlanningOptions,
  seekerBusy?: SeekerBusyDates,
): EventProposal[] {
  const opts = resolvePlanningOptions(options);
  const window = planningWindow(opts.today, opts.leadTimeDays, opts.horizonDays);
  const slots = stations.map(toSlots);
  const calendar = seekerCalendar(seekerBusy);

  const entries = selectUnmet(shortages, opts);
  const planShortages = new Map<UnmetEntry, PlanShortage>(entries.map((entry) => [entry, { entry, lat: entry.lat, lng: entry.lng, placed: false, eligible: new Map() }]));
  const pools = new Map<string, GridIndex<PlanShortage>>();
  for (const s of planShortages.values()) {
    let grid = pools.get(s.entry.family);
    if (!grid) pools.set(s.entry.family, (grid = new GridIndex<PlanShortage>(opts.catchmentKm)));
    grid.add(s);
  }

  const queue = new ClusterQueue(clusterDemand(entries, opts.catchmentKm));
  const drafts: { draft: EventDraft; cluster: DemandCluster }[] = [];
  for (let cluster = queue.pop(); cluster; cluster = queue.pop()) {
    const members = cluster.members.filter((m) => !planShortages.get(m)!.placed);
    if (members.length < cluster.members.length) cluster = makeCluster(cluster.key, cluster.occupationFamily, members);
    if (members.length === 0 || cluster.openHeadcount < opts.minClusterHeadcount) continue;

    const draft = bestEvent(cluster, slots, pools.get(cluster.occupationFamily)!, planShortages, calendar, window, opts);
    if (!draft) continue;
    commit(draft, calendar);
    drafts.push({ draft, cluster });
    // A part of a cluster is as compact as the cluster: queued again as it is, at its new (lower) weight.
    const rest = members.filter((m) => !planShortages.get(m)!.placed);
    if (rest.length) queue.push([makeCluster(cluster.key, cluster.occupationFamily, rest)]);
  }

  addLeftovers(drafts.map((d) => d.draft), planShortages, calendar, opts);
  const target = invitationTarget(opts);
  for (const { draft } of drafts) refill(draft, target, calendar, opts);
  return drafts.map(({ draft, cluster }) => toProposal(draft, cluster, window, opts));
}

/** Invites more people to a planned event, keeping the seekers' calendar in step. */
function refill(draft: EventDraft, target: (s: PlanShortage) => number, calendar: SeekerCalendar, opts: ResolvedPlanningOptions): void {
  const before = new Set(draft.invited);
  fillInvitations(draft, target, calendar, opts);
  syncCalendar(draft, before, calendar);
}

function syncCalendar(draft: EventDraft, before: Set<string>, calendar: SeekerCalendar): void {
  for (const id of before) if (!draft.invited.has(id)) calendar.get(id)!.delete(draft.day!);
  for (const id of draft.invited) if (!before.has(id)) addDay(calendar, id, draft.day!);
}

/** Planned events a leftover shortage may join, tried in order of what it might fill there. */
const EVENTS_TRIED = 3;

/**
 * Shortages still unplaced (left out of an event for competing for its seekers, with no other slot to
 * serve them) join the planned event of their family where they fill the most positions, booths and
 * capacity allowing; invitees may be rearranged for it, and the join is undone unless it raises the
 * event's headcount. Heaviest first.
 */
function addLeftovers(drafts: EventDraft[], planShortages: Map<UnmetEntry, PlanShortage>, calendar: SeekerCalendar, opts: ResolvedPlanningOptions): void {
  const byFamily = new Map<string, EventDraft[]>();
  for (const d of drafts) {
    const family = d.shortages[0].entry.family;
    const list = byFamily.get(family);
    if (list) list.push(d);
    else byFamily.set(family, [d]);
  }
  const leftovers = [...planShortages.values()]
    .filter((s) => !s.placed && byFamily.has(s.entry.family))
    .sort((a, b) => b.entry.weight - a.entry.weight || (a.entry.shortage.id < b.entry.shortage.id ? -1 : 1));
  for (const s of leftovers) {
    const { employerId, openHeadcount } = s.entry.shortage;
    const options: { draft: EventDraft; estimate: number; order: number }[] = [];
    byFamily.get(s.entry.family)!.forEach((d, order) => {
      const { station } = d.slots;
      if (distanceKm(s, station) > opts.catchmentKm) return;
      const employers = new Set(d.shortages.map((x) => x.entry.shortage.employerId));
      if (!employers.has(employerId) && employers.size >= station.booths) return;
      let free = 0;
      for (const c of eligibleAt(s, d.slots)) if (d.invited.has(c.seekerId) || !calendar.get(c.seekerId)?.has(d.day!)) free++;
      const estimate = Math.min(openHeadcount, free);
      if (estimate > 0) options.push({ draft: d, estimate, order });
    });
    options.sort((a, b) => b.estimate - a.estimate || a.order - b.order);
    for (const { draft } of options.slice(0, EVENTS_TRIED)) {
      const before = snapshot(draft);
      draft.shortages.push(s);
      fillInvitations(draft, seatTarget, calendar, opts);
      if (draft.headcount > before.headcount) {
        s.placed = true;
        syncCalendar(draft, before.invited, calendar);
        break;
      }
      restore(draft, before);
    }
  }
}

function toSlots(station: PlanningStation, index: number): StationSlots {
  return {
    station,
    index,
    busy: new Set(station.busyDates.map(epochDay)),
    openWeekdays: station.openWeekdays ? new Set(station.openWeekdays) : null,
  };
}

export function seekerCalendar(busy: SeekerBusyDates | undefined): SeekerCalendar {
  const calendar: SeekerCalendar = new Map();
  if (!busy) return calendar;
  const pairs = busy instanceof Map ? busy.entries() : Object.entries(busy);
  for (const [id, dates] of pairs) calendar.set(id, new Set((dates as readonly string[]).map(epochDay)));
  return calendar;
}

export function addDay(calendar: SeekerCalendar, seekerId: string, day: number): void {
  const days = calendar.get(seekerId);
  if (days) days.add(day);
  else calendar.set(seekerId, new Set([day]));
}

function commit(draft: EventDraft, calendar: SeekerCalendar): void {
  draft.slots.busy.add(draft.day!);
  for (const s of draft.shortages) s.placed = true;
  for (const id of draft.invited) addDay(calendar, id, draft.day!);
}

/** Clusters heaviest first (a binary heap; ties by key, so the order is deterministic). */
class ClusterQueue {
  private readonly heap: DemandCluster[] = [];

  constructor(clusters: DemandCluster[]) {
    this.push(clusters);
  }

  push(clusters: DemandCluster[]): void {
    for (const c of clusters) {
      const heap = this.heap;
      heap.push(c);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (compareClusters(heap[i], heap[parent]) >= 0) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    }
  }

  pop(): DemandCluster | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length && last) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && compareClusters(heap[l], heap[m]) < 0) m = l;
        if (r < heap.length && compareClusters(heap[r], heap[m]) < 0) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Stations by distance to the demand centre plus half the distance to the centre of its candidates. */
function rankStations(cluster: DemandCluster, slots: readonly StationSlots[]): { slots: StationSlots; cost: number }[] {
  let lat = 0;
  let lng = 0;
  let weight = 0;
  for (const m of cluster.members) {
    lat += m.candidates.lat;
    lng += m.candidates.lng;
    weight += m.candidates.weight;
  }
  const candidateCentre = weight > 0 ? { lat: lat / weight, lng: lng / weight } : cluster.centre;
  return slots
    .filter((s) => s.station.booths > 0 && s.station.capacity > 0)
    .map((s) => ({ slots: s, cost: distanceKm(s.station, cluster.centre) + 0.5 * distanceKm(s.station, candidateCentre) }))
    .sort((a, b) => a.cost - b.cost || a.slots.index - b.slots.index);
}

function bestEvent(
  cluster: DemandCluster,
  slots: readonly StationSlots[],
  grid: GridIndex<PlanShortage>,
  planShortages: Map<UnmetEntry, PlanShortage>,
  calendar: SeekerCalendar,
  window: PlanningWindow,
  opts: ResolvedPlanningOptions,
): EventDraft | null {
  const members = new Set(cluster.members.map((m) => planShortages.get(m)!));
  let best: EventDraft | null = null;
  let tried = 0;
  for (const { slots: station } of rankStations(cluster, slots)) {
    if (tried >= STATIONS_TRIED) break;
    const pool = grid
      .near(station.station, opts.catchmentKm)
      .filter((s) => !s.placed && distanceKm(s.entry, station.station) <= opts.catchmentKm);
    if (!pool.some((s) => members.has(s))) continue;
    tried++;
    const draft = bestDay(station, pool, calendar, window, opts);
    if (draft && (!best || draft.headcount > best.headcount)) best = draft;
  }
  return best;
}

/** The earliest open day on which the event fills as many positions as it could on any day; else the best of the days tried. */
function bestDay(
  station: StationSlots,
  pool: PlanShortage[],
  calendar: SeekerCalendar,
  window: PlanningWindow,
  opts: ResolvedPlanningOptions,
): EventDraft | null {
  const bound = draftEvent(station, null, pool, calendar, opts).headcount;
  if (bound === 0) return null;
  let best: EventDraft | null = null;
  let tried = 0;
  for (let day = window.first; day < window.end && tried < DAYS_TRIED; day++) {
    if (station.busy.has(day) || (station.openWeekdays && !station.openWeekdays.has(weekday(day)))) continue;
    tried++;
    const draft = draftEvent(station, day, pool, calendar, opts);
    if (!best || draft.headcount > best.headcount) best = draft;
    if (best.headcount >= bound) break;
  }
  return best && best.headcount > 0 ? best : null;
}

function toProposal(draft: EventDraft, cluster: DemandCluster, window: PlanningWindow, opts: ResolvedPlanningOptions): EventProposal {
  const shortages = [...draft.shortages].sort((a, b) => (a.entry.shortage.id < b.entry.shortage.id ? -1 : 1));
  const invitees = shortages.flatMap((s) => [...(draft.assigned.get(s) ?? [])].sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1)));
  const employerIds = [...new Set(shortages.map((s) => s.entry.shortage.employerId))].sort();
  const expectedAttendance = Math.round(invitees.length * opts.attendanceRate);
  const demand: Point = centroid(
    shortages.map((s) => s.entry),
    (e) => e.shortage.openHeadcount,
  );
  const family = cluster.occupationFamily;
  const names = new Set(shortages.map((s) => s.entry.shortage.occupationName).filter((n): n is string => !!n));
  const familyLabel = opts.familyNames?.[family] ?? (names.size === 1 ? [...names][0] : family);
  const day = draft.day!;
  return {
    kind: 'specialised_fair',
    stationId: draft.slots.station.id,
    date: isoDate(day),
    occupationFamily: family,
    occupationFamilies: [family],
    shortageIds: shortages.map((s) => s.entry.shortage.id),
    employerIds,
    invitees,
    headcountAddressed: draft.headcount,
    expectedAttendance,
    reasons: eventReasons({
      familyLabels: [familyLabel],
      openHeadcount: sum(shortages, (s) => s.entry.shortage.openHeadcount),
      headcountAddressed: draft.headcount,
      strongCandidates: sum(shortages, (s) => s.entry.shortage.strongCandidates),
      urgentShortages: shortages.filter((s) => s.entry.causes.includes('urgent')).length,
      dueShortages: shortages.filter((s) => s.entry.causes.includes('deadline')).length,
      distanceToDemandKm: distanceKm(draft.slots.station, demand),
      capacity: draft.slots.station.capacity,
      booths: draft.slots.station.booths,
      employers: employerIds.length,
      date: isoDate(day),
      daysAfterLead: day - window.first,
      leadTimeDays: opts.leadTimeDays,
      invitees: invitees.length,
      strongInvitees: invitees.filter((i) => i.score >= opts.strongScore).length,
      priorityInvitees: invitees.filter((i) => i.priorityGroup).length,
      expectedAttendance,
      locatedByRegion: shortages.filter((s) => s.entry.shortage.locatedBy === 'region').length,
    }),
  };
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += f(item);
  return total;
}
