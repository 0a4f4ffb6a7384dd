import { PlanningOptions, PlanningStation, PlanningUrgency, UnmetShortage } from '../planning/types';

/** A random small planning instance: few enough stations, days and shortages to solve exactly. */
export interface SmallInstance {
  stations: PlanningStation[];
  shortages: UnmetShortage[];
  seekerBusy: Record<string, string[]>;
  options: PlanningOptions;
}

/** mulberry32: a tiny seeded generator, enough for test instances. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TODAY = '2025-07-01';
const FAMILIES = ['4-10-01', '4-07-04'];
const URGENCIES: PlanningUrgency[] = ['normal', 'urgent', 'critical'];

/**
 * Stations, shortages and seekers scattered over about 50 x 50 km around 海口, so that the catchment,
 * travel radii, booths, capacity and same-day invitations all bind now and then. At most 6 (station, day)
 * slots and 5 shortages, so an exhaustive search stays small.
 */
export function smallInstance(seed: number): SmallInstance {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const place = () => ({ lat: round(19.8 + random() * 0.45), lng: round(110.1 + random() * 0.48) });
  const stationCount = int(1, 3);
  const days = int(1, Math.floor(6 / stationCount));
  const leadTimeDays = int(0, 2);
  const dates = Array.from({ length: days + 1 }, (_, d) => isoDay(TODAY, leadTimeDays + d));
  const stations: PlanningStation[] = Array.from({ length: stationCount }, (_, k) => ({
    id: `st-${k}`,
    regionCode: '460100',
    ...place(),
    capacity: int(2, 8),
    booths: int(1, 3),
    // The extra day beyond the horizon is there to check that busy dates outside the window do no harm.
    busyDates: dates.filter(() => random() < 0.2),
  }));
  const seekers = Array.from({ length: int(4, 10) }, (_, k) => ({
    seekerId: `sk-${k}`,
    ...place(),
    travelRadiusKm: [5, 10, 20, 30, 50][int(0, 4)],
    priorityGroup: random() < 0.3,
  }));
  const shortages: UnmetShortage[] = Array.from({ length: int(2, 5) }, (_, k) => {
    const candidates = seekers.filter(() => random() < 0.5).map((s) => ({ ...s, score: round(0.3 + random() * 0.7) }));
    return {
      id: `sh-${k}`,
      employerId: `em-${int(0, 3)}`,
      occupationCode: `${FAMILIES[int(0, FAMILIES.length - 1)]}-0${int(1, 3)}`,
      regionCode: '460100',
      ...place(),
      openHeadcount: int(1, 4),
      strongCandidates: 0,
      urgency: URGENCIES[int(0, 2)],
      deadline: isoDay(TODAY, int(-5, 60)),
      candidates,
    };
  });
  const seekerBusy: Record<string, string[]> = {};
  for (const s of seekers) if (random() < 0.15) seekerBusy[s.seekerId] = [dates[int(0, days - 1)]];
  return {
    stations,
    shortages,
    seekerBusy,
    options: { today: TODAY, leadTimeDays, horizonDays: leadTimeDays + days, minClusterHeadcount: 1 },
  };
}

/** A seeded instance big enough for clashes: 8 stations, 10-20 days, 120 shortages, 250 seekers. */
export function mediumInstance(seed: number): SmallInstance {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const place = () => ({ lat: 19.8 + random() * 0.5, lng: 110.1 + random() * 0.6 });
  const today = '2025-07-01';
  const horizonDays = int(10, 20);
  const date = (d: number) => new Date(Date.UTC(2025, 6, 1 + d)).toISOString().slice(0, 10);
  const stations: PlanningStation[] = Array.from({ length: 8 }, (_, k) => ({
    id: `st-${k}`,
    regionCode: '460100',
    ...place(),
    capacity: int(5, 40),
    booths: int(1, 6),
    busyDates: Array.from({ length: horizonDays }, (_, d) => date(d)).filter(() => random() < 0.25),
    openWeekdays: random() < 0.5 ? [1, 2, 3, 4, 5] : undefined,
  }));
  const seekers = Array.from({ length: 250 }, (_, k) => ({
    seekerId: `sk-${k}`,
    ...place(),
    travelRadiusKm: [5, 10, 20, 30, 50][int(0, 4)],
    priorityGroup: random() < 0.2,
  }));
  const families = ['4-10-01', '4-07-04', '6-29-01'];
  const shortages: UnmetShortage[] = Array.from({ length: 120 }, (_, k) => ({
    id: `sh-${String(k).padStart(3, '0')}`,
    employerId: `em-${int(0, 40)}`,
    occupationCode: `${families[int(0, 2)]}-0${int(1, 4)}`,
    regionCode: '460100',
    ...place(),
    openHeadcount: int(0, 8),
    strongCandidates: int(0, 10),
    urgency: (['normal', 'urgent', 'critical'] as const)[int(0, 2)],
    deadline: date(int(-10, 60)),
    candidates: seekers.filter(() => random() < 0.06).map((s) => ({ ...s, score: Math.round((0.3 + random() * 0.7) * 1000) / 1000 })),
  }));
  const seekerBusy: Record<string, string[]> = {};
  for (const s of seekers) if (random() < 0.1) seekerBusy[s.seekerId] = [date(int(0, horizonDays))];
  return { stations, shortages, seekerBusy, options: { today, horizonDays, leadTimeDays: int(0, 4), minClusterHeadcount: int(1, 4) } };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function isoDay(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
