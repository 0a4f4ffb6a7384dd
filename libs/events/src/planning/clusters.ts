import { minorGroupOrSelf } from '@app/taxonomy/occupation-code';
import { epochDay } from './calendar';
import { centroid, distanceKm, GridIndex, Point } from './geo';
import { ResolvedPlanningOptions } from './options';
import { UnmetShortage } from './types';

/** Why a shortage needs an event: too few strong candidates, urgency, or a deadline near or past. */
export type UnmetCause = 'few_strong' | 'urgent' | 'deadline';

/** Minor group: the first three segments of an occupation code ('4-10-01-05' → '4-10-01'), libs/taxonomy/src/occupation-code.ts. */
export const occupationFamily: (occupationCode: string) => string = minorGroupOrSelf;

type UnmetOptions = Pick<ResolvedPlanningOptions, 'today' | 'strongPerOpening' | 'deadlineSoonDays'>;

/** The causes that make a shortage unmet; empty when it is filled or well supplied and in no hurry. */
export function unmetCauses(shortage: UnmetShortage, options: UnmetOptions): UnmetCause[] {
  return causesOn(shortage, epochDay(options.today), options);
}

function causesOn(shortage: UnmetShortage, today: number, options: UnmetOptions): UnmetCause[] {
  if (!(shortage.openHeadcount > 0)) return [];
  const causes: UnmetCause[] = [];
  if (shortage.strongCandidates < shortage.openHeadcount * options.strongPerOpening) causes.push('few_strong');
  if (shortage.urgency !== 'normal') causes.push('urgent');
  if (epochDay(shortage.deadline) - today <= options.deadlineSoonDays) causes.push('deadline');
  return causes;
}

const URGENCY_WEIGHT = { normal: 1, urgent: 1.5, critical: 2 } as const;

/** How much an unmet shortage weighs when ordering work: open headcount, more when urgent or due. */
export function demandWeight(shortage: UnmetShortage, causes: readonly UnmetCause[]): number {
  return shortage.openHeadcount * URGENCY_WEIGHT[shortage.urgency] * (causes.includes('deadline') ? 1.25 : 1);
}

export interface UnmetEntry {
  shortage: UnmetShortage;
  family: string;
  causes: UnmetCause[];
  weight: number;
  lat: number;
  lng: number;
  /** Score-weighted sums of the candidates' positions, and the weight: for centres of many entries. */
  candidates: { lat: number; lng: number; weight: number };
}

export function selectUnmet(shortages: readonly UnmetShortage[], options: UnmetOptions): UnmetEntry[] {
  const out: UnmetEntry[] = [];
  const today = epochDay(options.today);
  for (const shortage of shortages) {
    const causes = causesOn(shortage, today, options);
    if (causes.length === 0) continue;
    const candidates = { lat: 0, lng: 0, weight: 0 };
    for (const c of shortage.candidates) {
      candidates.lat += c.lat * c.score;
      candidates.lng += c.lng * c.score;
      candidates.weight += c.score;
    }
    out.push({
      shortage,
      family: occupationFamily(shortage.occupationCode),
      causes,
      weight: demandWeight(shortage, causes),
      lat: shortage.lat,
      lng: shortage.lng,
      candidates,
    });
  }
  return out;
}

/** Unmet demand of one occupation family in one catchment. */
export interface DemandCluster {
  /** Stable: the family and the seed shortage's id. */
  key: string;
  occupationFamily: string;
  members: UnmetEntry[];
  /** Headcount-weighted centre of the members. */
  centre: Point;
  openHeadcount: number;
  weight: number;
}

export function makeCluster(key: string, family: string, members: UnmetEntry[]): DemandCluster {
  let openHeadcount = 0;
  let weight = 0;
  for (const m of members) {
    openHeadcount += m.shortage.openHeadcount;
    weight += m.weight;
  }
  return { key, occupationFamily: family, members, centre: centroid(members, (m) => m.shortage.openHeadcount), openHeadcount, weight };
}

const byId = (a: UnmetEntry, b: UnmetEntry) => (a.shortage.id < b.shortage.id ? -1 : a.shortage.id > b.shortage.id ? 1 : 0);

/**
 * Clusters by occupation family, then greedily around the densest demand: shortages are taken as seeds in
 * order of the weighted demand in their neighbourhood (the grid cells, catchmentKm / 2 wide, within
 * catchmentKm / 2 of them: cheap, and good enough to rank seeds), and each seed absorbs every unclustered
 * shortage of its family within catchmentKm / 2.
 * So every cluster has a diameter of at most catchmentKm (one station near its centre reaches all of it),
 * clusters sit on the demand peaks rather than on arbitrary grid lines, and the work is about linear in
 * the number of shortages. Heaviest first, ties by key.
 */
export function clusterDemand(entries: readonly UnmetEntry[], catchmentKm: number): DemandCluster[] {
  const radius = catchmentKm / 2;
  const byFamily = new Map<string, UnmetEntry[]>();
  for (const e of [...entries].sort(byId)) {
    const list = byFamily.get(e.family);
    if (list) list.push(e);
    else byFamily.set(e.family, [e]);
  }
  const clusters: DemandCluster[] = [];
  for (const [family, members] of byFamily) {
    const grid = new GridIndex<UnmetEntry>(radius);
    for (const m of members) grid.add(m);
    const density = new Map<UnmetEntry, number>();
    for (const m of members) {
      let sum = 0;
      for (const n of grid.near(m, radius)) sum += n.weight;
      density.set(m, sum);
    }
    const seeds = [...members].sort((a, b) => density.get(b)! - density.get(a)! || b.weight - a.weight || byId(a, b));
    const taken = new Set<UnmetEntry>();
    for (const seed of seeds) {
      if (taken.has(seed)) continue;
      const cluster: UnmetEntry[] = [];
      for (const n of grid.near(seed, radius)) {
        if (!taken.has(n) && distanceKm(seed, n) <= radius) {
          taken.add(n);
          cluster.push(n);
        }
      }
      clusters.push(makeCluster(`${family}/${seed.shortage.id}`, family, cluster.sort(byId)));
    }
  }
  return clusters.sort(compareClusters);
}

export function compareClusters(a: DemandCluster, b: DemandCluster): number {
  return b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
