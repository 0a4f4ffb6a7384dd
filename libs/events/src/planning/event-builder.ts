import { UnmetEntry } from './clusters';
import { distanceKm } from './geo';
import { ResolvedPlanningOptions } from './options';
import { EventInvitee, PlanningCandidate, PlanningStation } from './types';

const { ceil, min } = Math;
const EPSILON = 1e-9;

/** A station during planning: the days it is taken (given and planned) and the weekdays it opens. */
export interface StationSlots {
  station: PlanningStation;
  index: number;
  busy: Set<number>;
  openWeekdays: Set<number> | null;
}

/** An unmet shortage during planning. */
export interface PlanShortage {
  entry: UnmetEntry;
  lat: number;
  lng: number;
  placed: boolean;
  /** Station index → candidates within their travel radius of that station, best first (memoised). */
  eligible: Map<number, PlanningCandidate[]>;
}

/** Seeker id → days on which the seeker is invited somewhere (given and planned). */
export type SeekerCalendar = Map<string, Set<number>>;

/** One possible event: a station, a day (null: ignoring the seekers' other invitations), employers, invitees. */
export interface EventDraft {
  slots: StationSlots;
  day: number | null;
  shortages: PlanShortage[];
  assigned: Map<PlanShortage, EventInvitee[]>;
  invited: Set<string>;
  headcount: number;
}

type DraftOptions = Pick<ResolvedPlanningOptions, 'priorityShare' | 'maxInviteesPerEmployerSeat'>;

const compareCandidates = (a: PlanningCandidate, b: PlanningCandidate) =>
  b.score - a.score || (a.seekerId < b.seekerId ? -1 : a.seekerId > b.seekerId ? 1 : 0);

/** The shortage's candidates who would travel to the station, best first (a seeker listed twice, once). */
export function eligibleAt(shortage: PlanShortage, slots: StationSlots): PlanningCandidate[] {
  let list = shortage.eligible.get(slots.index);
  if (list) return list;
  const { station } = slots;
  list = [];
  for (const c of shortage.entry.shortage.candidates) {
    // A degree of latitude is over 110 km: a cheap reject before the great-circle distance.
    if (Math.abs(c.lat - station.lat) * 110 > c.travelRadiusKm) continue;
    if (distanceKm(c, station) <= c.travelRadiusKm) list.push(c);
  }
  list.sort(compareCandidates);
  if (list.length > 1) {
    const seen = new Set<string>();
    list = list.filter((c) => !seen.has(c.seekerId) && !!seen.add(c.seekerId));
  }
  shortage.eligible.set(slots.index, list);
  return list;
}

function isFree(seekerId: string, day: number | null, calendar: SeekerCalendar): boolean {
  return day === null || !calendar.get(seekerId)?.has(day);
}

/** Open positions, then more invitations for no-shows. */
export const seatTarget = (s: PlanShortage) => s.entry.shortage.openHeadcount;
export const invitationTarget = (options: DraftOptions) => (s: PlanShortage) =>
  ceil(s.entry.shortage.openHeadcount * options.maxInviteesPerEmployerSeat - EPSILON);

/**
 * The event `pool` (unplaced shortages of one family within the catchment) would make at the station on
 * `day`: the shortages that bring the most fillable positions, employers within the booths, then one
 * invitee per open position, each the best free candidate, scarce shortages first, up to capacity.
 */
export function draftEvent(
  slots: StationSlots,
  day: number | null,
  pool: readonly PlanShortage[],
  calendar: SeekerCalendar,
  options: DraftOptions,
): EventDraft {
  const shortages = chooseShortages(slots, day, pool, calendar);
  const draft: EventDraft = { slots, day, shortages, assigned: new Map(), invited: new Set(), headcount: 0 };
  fillInvitations(draft, seatTarget, calendar, options);
  return draft;
}

/**
 * Shortages in order of what they could fill (open positions with free eligible candidates), employers
 * within the booths, taking only shortages whose candidates the shortages already taken leave untouched:
 * one that would compete for the same seekers is left for another day or station, where it fills more (a
 * seeker can go to events on different days). What is left over at the end of planning is offered to the
 * events already planned (see addLeftovers in planner.ts).
 */
function chooseShortages(slots: StationSlots, day: number | null, pool: readonly PlanShortage[], calendar: SeekerCalendar): PlanShortage[] {
  const booths = slots.station.booths;
  if (booths <= 0) return [];
  const offers: { s: PlanShortage; bound: number }[] = [];
  for (const s of pool) {
    const bound = min(s.entry.shortage.openHeadcount, eligibleAt(s, slots).length);
    if (bound > 0) offers.push({ s, bound });
  }
  offers.sort((a, b) => b.bound - a.bound || b.s.entry.weight - a.s.entry.weight || (a.s.entry.shortage.id < b.s.entry.shortage.id ? -1 : 1));
  const taken = new Set<string>();
  const employers = new Set<string>();
  const chosen: PlanShortage[] = [];
  for (const { s } of offers) {
    const employerId = s.entry.shortage.employerId;
    if (!employers.has(employerId) && employers.size >= booths) continue;
    const claims = claimSeekers(s, slots, day, calendar, taken);
    if (claims === null) continue;
    employers.add(employerId);
    for (const id of claims) taken.add(id);
    chosen.push(s);
  }
  return chosen;
}

/**
 * Up to the shortage's open positions, the best free candidates not in `taken`; null when `taken` leaves
 * it fewer than it would have alone, or none.
 */
function claimSeekers(s: PlanShortage, slots: StationSlots, day: number | null, calendar: SeekerCalendar, taken: Set<string>): string[] | null {
  const open = s.entry.shortage.openHeadcount;
  const claims: string[] = [];
  let free = 0;
  for (const c of eligibleAt(s, slots)) {
    if (claims.length >= open) return claims;
    if (!isFree(c.seekerId, day, calendar)) continue;
    free++;
    if (!taken.has(c.seekerId)) claims.push(c.seekerId);
  }
  return claims.length && claims.length >= min(open, free) ? claims : null;
}

function available(draft: EventDraft, s: PlanShortage, calendar: SeekerCalendar): PlanningCandidate[] {
  return eligibleAt(s, draft.slots).filter((c) => !draft.invited.has(c.seekerId) && isFree(c.seekerId, draft.day, calendar));
}

function invite(draft: EventDraft, s: PlanShortage, c: PlanningCandidate): void {
  let list = draft.assigned.get(s);
  if (!list) draft.assigned.set(s, (list = []));
  list.push({ seekerId: c.seekerId, score: c.score, priorityGroup: c.priorityGroup, shortageId: s.entry.shortage.id });
  draft.invited.add(c.seekerId);
}

/**
 * Invites up to `target(s)` per shortage within the station's capacity. Within each shortage at least
 * ceil(priorityShare x picks) of the picks go to priority-group candidates while there are any; then the
 * event as a whole is repaired (see enforcePriorityShare) for shortages that capacity cut short.
 */
export function fillInvitations(draft: EventDraft, target: (s: PlanShortage) => number, calendar: SeekerCalendar, options: DraftOptions): void {
  const capacity = draft.slots.station.capacity;
  const free = new Map(draft.shortages.map((s) => [s, available(draft, s, calendar)] as const));
  const order = [...draft.shortages].sort((a, b) => {
    const slackA = free.get(a)!.length - a.entry.shortage.openHeadcount;
    const slackB = free.get(b)!.length - b.entry.shortage.openHeadcount;
    return slackA - slackB || b.entry.weight - a.entry.weight || (a.entry.shortage.id < b.entry.shortage.id ? -1 : 1);
  });
  for (const s of order) {
    const room = capacity - draft.invited.size;
    if (room <= 0) break;
    const want = min(target(s) - (draft.assigned.get(s)?.length ?? 0), room);
    if (want <= 0) continue;
    const pool = free.get(s)!.filter((c) => !draft.invited.has(c.seekerId));
    const quota = ceil(options.priorityShare * want - EPSILON);
    const picked = new Set<PlanningCandidate>();
    for (const c of pool) {
      if (picked.size >= quota) break;
      if (c.priorityGroup) picked.add(c);
    }
    for (const c of pool) {
      if (picked.size >= want) break;
      picked.add(c);
    }
    for (const c of pool) if (picked.has(c)) invite(draft, s, c);
  }
  for (const s of order) reassignForSeats(draft, s, calendar);
  enforcePriorityShare(draft, calendar, options);
  draft.headcount = headcountOf(draft);
}

/**
 * Fills more of the shortage's open positions by one-step augmenting paths: an eligible seeker invited for
 * another shortage of the event moves here when that shortage has invitations beyond its open positions,
 * or when another free candidate can take the seeker's place there (capacity allowing).
 */
function reassignForSeats(draft: EventDraft, s: PlanShortage, calendar: SeekerCalendar): void {
  const open = s.entry.shortage.openHeadcount;
  if ((draft.assigned.get(s)?.length ?? 0) >= open) return;
  const owner = new Map<string, PlanShortage>();
  for (const [other, list] of draft.assigned) for (const i of list) owner.set(i.seekerId, other);
  for (;;) {
    if ((draft.assigned.get(s)?.length ?? 0) >= open) return;
    let moved = false;
    for (const c of eligibleAt(s, draft.slots)) {
      const other = owner.get(c.seekerId);
      if (!other || other === s) continue;
      const otherList = draft.assigned.get(other)!;
      let replacement: PlanningCandidate | undefined;
      if (otherList.length <= other.entry.shortage.openHeadcount) {
        if (draft.invited.size >= draft.slots.station.capacity) continue;
        replacement = eligibleAt(other, draft.slots).find((r) => !draft.invited.has(r.seekerId) && isFree(r.seekerId, draft.day, calendar));
        if (!replacement) continue;
      }
      otherList.splice(otherList.findIndex((i) => i.seekerId === c.seekerId), 1);
      draft.invited.delete(c.seekerId);
      invite(draft, s, c);
      owner.set(c.seekerId, s);
      if (replacement) {
        invite(draft, other, replacement);
        owner.set(replacement.seekerId, other);
        otherList.sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1));
      }
      moved = true;
      break;
    }
    if (!moved) return;
  }
}

export interface DraftSnapshot {
  shortages: PlanShortage[];
  assigned: [PlanShortage, EventInvitee[]][];
  invited: Set<string>;
  headcount: number;
}

export function snapshot(draft: EventDraft): DraftSnapshot {
  return {
    shortages: [...draft.shortages],
    assigned: [...draft.assigned].map(([s, list]) => [s, [...list]]),
    invited: new Set(draft.invited),
    headcount: draft.headcount,
  };
}

export function restore(draft: EventDraft, snap: DraftSnapshot): void {
  draft.shortages = snap.shortages;
  draft.assigned = new Map(snap.assigned);
  draft.invited = snap.invited;
  draft.headcount = snap.headcount;
}

export function headcountOf(draft: EventDraft): number {
  let n = 0;
  for (const [s, list] of draft.assigned) n += min(list.length, s.entry.shortage.openHeadcount);
  return n;
}

/**
 * While priority-group seekers hold less than priorityShare of the invitations and an eligible one is left
 * out, swaps the best such seeker in for another invitee: one invited beyond the open positions if any,
 * else one of the same shortage (the position stays covered), else the weakest. The share comes before
 * the invitations-per-position target.
 */
function enforcePriorityShare(draft: EventDraft, calendar: SeekerCalendar, options: DraftOptions): void {
  for (;;) {
    let total = 0;
    let priority = 0;
    for (const list of draft.assigned.values()) {
      total += list.length;
      for (const i of list) if (i.priorityGroup) priority++;
    }
    if (priority >= ceil(options.priorityShare * total - EPSILON)) return;
    let best: { s: PlanShortage; c: PlanningCandidate } | null = null;
    for (const s of draft.shortages) {
      for (const c of eligibleAt(s, draft.slots)) {
        if (!c.priorityGroup || draft.invited.has(c.seekerId) || !isFree(c.seekerId, draft.day, calendar)) continue;
        if (!best || compareCandidates(c, best.c) < 0) best = { s, c };
        break;
      }
    }
    if (!best) return;
    const victim = victimFor(draft, best.s);
    if (!victim) return;
    const list = draft.assigned.get(victim.s)!;
    list.splice(list.indexOf(victim.invitee), 1);
    draft.invited.delete(victim.invitee.seekerId);
    invite(draft, best.s, best.c);
    draft.assigned.get(best.s)!.sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1));
  }
}

/** The non-priority invitee to give way: beyond the open positions first, then of `preferred`, then the weakest. */
function victimFor(draft: EventDraft, preferred: PlanShortage): { s: PlanShortage; invitee: EventInvitee } | null {
  let found: { s: PlanShortage; invitee: EventInvitee; rank: number } | null = null;
  for (const [s, list] of draft.assigned) {
    const open = s.entry.shortage.openHeadcount;
    list.forEach((invitee, index) => {
      if (invitee.priorityGroup) return;
      const rank = index >= open ? 0 : s === preferred ? 1 : 2;
      if (!found || rank < found.rank || (rank === found.rank && invitee.score < found.invitee.score)) found = { s, invitee, rank };
    });
  }
  return found;
}
