import { epochDay, planningWindow, weekday } from '../planning/calendar';
import { selectUnmet, UnmetEntry } from '../planning/clusters';
import { distanceKm } from '../planning/geo';
import { resolvePlanningOptions } from '../planning/options';
import { EventProposal, PlanningCandidate, PlanningOptions, PlanningStation, SeekerBusyDates, UnmetShortage } from '../planning/types';

/** An optimal plan of a small instance: the most open positions that can get a matching invitee. */
export interface ExactPlan {
  headcount: number;
  events: { stationId: string; day: number; shortageIds: string[] }[];
  /** Complete assignments evaluated. */
  leaves: number;
}

/**
 * The exact optimum of the coverage objective, by depth-first enumeration of which (station, day) slot
 * each unmet shortage goes to (or none) with a bound, and a max flow per day for the invitees
 * (seeker → shortage at an event → event → sink; a seeker in one event a day, an event within capacity,
 * a shortage within its open positions). Same rules as planEvents (one family per event, employers within
 * booths, shortages within the catchment, candidates within their travel radius, a shortage in one event,
 * free days only), minus the parts that can only lower coverage: no priority share and no minimum cluster
 * size. So it bounds planEvents' total headcountAddressed from above. Exponential: small instances only.
 * @throws RangeError when the search would exceed `maxLeaves`
 */
export function exactOptimum(
  stations: readonly PlanningStation[],
  shortages: readonly UnmetShortage[],
  options: PlanningOptions,
  seekerBusy?: SeekerBusyDates,
  maxLeaves = 5_000_000,
): ExactPlan {
  const opts = resolvePlanningOptions(options);
  const window = planningWindow(opts.today, opts.leadTimeDays, opts.horizonDays);
  const slots: { station: PlanningStation; day: number }[] = [];
  for (const station of stations) {
    if (station.booths <= 0 || station.capacity <= 0) continue;
    const busy = new Set(station.busyDates.map(epochDay));
    const open = station.openWeekdays ? new Set(station.openWeekdays) : null;
    for (let day = window.first; day < window.end; day++) {
      if (!busy.has(day) && (!open || open.has(weekday(day)))) slots.push({ station, day });
    }
  }
  const busySeekers = new Map<string, Set<number>>();
  if (seekerBusy) {
    const pairs = seekerBusy instanceof Map ? seekerBusy.entries() : Object.entries(seekerBusy);
    for (const [id, dates] of pairs) busySeekers.set(id, new Set((dates as readonly string[]).map(epochDay)));
  }

  const entries = selectUnmet(shortages, opts);
  // eligible[i][j]: candidates of shortage i who would come to slot j (null where the slot cannot take it).
  const eligible: (PlanningCandidate[] | null)[][] = entries.map((e) =>
    slots.map(({ station, day }) => {
      if (distanceKm(e, station) > opts.catchmentKm) return null;
      const list = e.shortage.candidates.filter((c) => distanceKm(c, station) <= c.travelRadiusKm && !busySeekers.get(c.seekerId)?.has(day));
      return list.length ? list : null;
    }),
  );
  const useful = entries.map((_, i) => i).filter((i) => eligible[i].some((l) => l !== null));
  const optimistic = (i: number) => Math.min(entries[i].shortage.openHeadcount, Math.max(0, ...eligible[i].map((l) => l?.length ?? 0)));
  useful.sort((a, b) => optimistic(b) - optimistic(a));
  const rest: number[] = useful.map(() => 0);
  for (let k = useful.length - 1; k >= 0; k--) rest[k] = optimistic(useful[k]) + (k + 1 < useful.length ? rest[k + 1] : 0);

  const assignment = new Map<number, number[]>();
  const family: (string | null)[] = slots.map(() => null);
  const employers: Map<string, number>[] = slots.map(() => new Map());
  let best = -1;
  let bestEvents: ExactPlan['events'] = [];
  let leaves = 0;

  const evaluate = () => {
    leaves++;
    if (leaves > maxLeaves) throw new RangeError(`exactOptimum: more than ${maxLeaves} assignments; the instance is too big`);
    const byDay = new Map<number, number[]>();
    for (const j of assignment.keys()) {
      const list = byDay.get(slots[j].day);
      if (list) list.push(j);
      else byDay.set(slots[j].day, [j]);
    }
    let total = 0;
    for (const js of byDay.values()) total += dayFlow(js);
    if (total > best) {
      best = total;
      bestEvents = [...assignment].map(([j, is]) => ({
        stationId: slots[j].station.id,
        day: slots[j].day,
        shortageIds: is.map((i) => entries[i].shortage.id).sort(),
      }));
    }
  };

  const dayFlow = (js: number[]): number => {
    const seekers = new Map<string, number>();
    const pairs: { j: number; i: number }[] = [];
    for (const j of js) for (const i of assignment.get(j)!) {
      pairs.push({ j, i });
      for (const c of eligible[i][j]!) if (!seekers.has(c.seekerId)) seekers.set(c.seekerId, seekers.size);
    }
    // Nodes: source, seekers, (slot, shortage) pairs, slots, sink.
    const seekerBase = 1;
    const pairBase = seekerBase + seekers.size;
    const slotBase = pairBase + pairs.length;
    const sink = slotBase + js.length;
    const flow = new MaxFlow(sink + 1);
    for (const k of seekers.values()) flow.add(0, seekerBase + k, 1);
    pairs.forEach(({ j, i }, p) => {
      for (const c of eligible[i][j]!) flow.add(seekerBase + seekers.get(c.seekerId)!, pairBase + p, 1);
      flow.add(pairBase + p, slotBase + js.indexOf(j), entries[i].shortage.openHeadcount);
    });
    js.forEach((j, k) => flow.add(slotBase + k, sink, slots[j].station.capacity));
    return flow.run(0, sink);
  };

  const bound = (): number => {
    let total = 0;
    for (const [j, is] of assignment) {
      let slotTotal = 0;
      for (const i of is) slotTotal += Math.min(entries[i].shortage.openHeadcount, eligible[i][j]!.length);
      total += Math.min(slotTotal, slots[j].station.capacity);
    }
    return total;
  };

  const search = (k: number) => {
    if (k === useful.length) return evaluate();
    if (bound() + rest[k] <= best) return;
    const i = useful[k];
    const entry = entries[i];
    for (let j = 0; j < slots.length; j++) {
      if (!eligible[i][j] || !fits(entry, j)) continue;
      place(entry, i, j, +1);
      search(k + 1);
      place(entry, i, j, -1);
    }
    search(k + 1);
  };

  const fits = (entry: UnmetEntry, j: number) =>
    (family[j] === null || family[j] === entry.family) &&
    (employers[j].has(entry.shortage.employerId) || employers[j].size < slots[j].station.booths);

  const place = (entry: UnmetEntry, i: number, j: number, delta: 1 | -1) => {
    const id = entry.shortage.employerId;
    if (delta > 0) {
      const list = assignment.get(j);
      if (list) list.push(i);
      else assignment.set(j, [i]);
      family[j] = entry.family;
      employers[j].set(id, (employers[j].get(id) ?? 0) + 1);
    } else {
      const list = assignment.get(j)!;
      list.pop();
      if (list.length === 0) {
        assignment.delete(j);
        family[j] = null;
      }
      const n = employers[j].get(id)! - 1;
      if (n === 0) employers[j].delete(id);
      else employers[j].set(id, n);
    }
  };

  search(0);
  return { headcount: Math.max(best, 0), events: bestEvents, leaves };
}

/** Total open positions a plan addresses: its coverage, in headcount. */
export function planHeadcount(proposals: readonly EventProposal[]): number {
  let total = 0;
  for (const p of proposals) total += p.headcountAddressed;
  return total;
}

/** Augmenting paths by breadth-first search (Edmonds–Karp) on a dense matrix: for graphs of tens of nodes. */
class MaxFlow {
  private readonly capacity: Int32Array[];

  constructor(private readonly size: number) {
    this.capacity = Array.from({ length: size }, () => new Int32Array(size));
  }

  add(from: number, to: number, capacity: number): void {
    this.capacity[from][to] += capacity;
  }

  run(source: number, sink: number): number {
    let total = 0;
    const parent = new Int32Array(this.size);
    for (;;) {
      parent.fill(-1);
      parent[source] = source;
      const queue = [source];
      for (let q = 0; q < queue.length && parent[sink] < 0; q++) {
        const u = queue[q];
        for (let v = 0; v < this.size; v++) {
          if (parent[v] < 0 && this.capacity[u][v] > 0) {
            parent[v] = u;
            queue.push(v);
          }
        }
      }
      if (parent[sink] < 0) return total;
      let push = Infinity;
      for (let v = sink; v !== source; v = parent[v]) push = Math.min(push, this.capacity[parent[v]][v]);
      for (let v = sink; v !== source; v = parent[v]) {
        this.capacity[parent[v]][v] -= push;
        this.capacity[v][parent[v]] += push;
      }
      total += push;
    }
  }
}
