import { distanceKm, generateDataset, Seeker, Station, Tier } from '@app/demo-data';
import {
  epochDay, EventProposal, meetsMinimums, occupationFamily, planEvents, PlanningCandidate, PlanningOptions, PlanningStation, planRecruitment, RecruitmentPlan, selectUnmet, UnmetShortage,
  weekStart,
} from '@app/events';
import { countsAsPriority } from '@app/seeker-pool';
import { exactOptimum, planHeadcount, smallInstance } from '@app/events/testing';
import { Taxonomy } from '@app/taxonomy';
import { measure, report } from './measure';

/** Days planned per tier (stations come from the tier: S 20, M 60, L 200), as in benchmarks.md. */
const DAYS: Record<Tier, number> = { demo: 30, S: 30, M: 90, L: 90 };
const RUNS: Record<Tier, number> = { demo: 5, S: 5, M: 5, L: 5 };
const CANDIDATES_PER_SHORTAGE = 30;
const STRONG_SCORE = 0.7;
const CELL_KM = 5;
/** Seekers looked at per grid cell: enough for a ranked list, and keeps the synthesis linear. */
const SAMPLED_PER_CELL = 60;
const SMALL_INSTANCES = 300;

/**
 * B13: event planning for the tier's stations x days (L: 200 x 90) over every generated shortage. Timed:
 * planEvents alone (unmet selection, clustering, station, date, employer and invitee choice, reasons).
 * Not timed: building its input. The candidate lists are SYNTHETIC, not the matcher's: for each shortage,
 * a capped sample of generated seekers who want an occupation of the same family and live within their
 * travel radius of the work place (a 5 km grid, at most 60 seekers looked at per cell), scored by a simple
 * formula (exact occupation, distance, skill level, a hash for spread), best 30 kept. Stations already
 * hold events on about 1 day in 7; 2% of seekers are already invited somewhere on one day.
 * Also on stderr: what the plan covers, and its coverage against the exact optimum on small instances.
 */
export function benchEventPlanning(tier: Tier, seed: number): void {
  const input = buildInput(tier, seed);
  const { stations, shortages, options, seekerBusy } = input;
  let proposals: EventProposal[] = [];
  const result = measure('B13', tier, seed, stations.length * input.days, `station-days/s (${stations.length} x ${input.days}, ${shortages.length} shortages)`, RUNS[tier], () => {
    proposals = planEvents(stations, shortages, options, seekerBusy);
  });
  report(result);

  const unmet = selectUnmet(shortages, { today: options.today, strongPerOpening: 2, deadlineSoonDays: 14 });
  const unmetHeadcount = unmet.reduce((sum, e) => sum + e.shortage.openHeadcount, 0);
  const addressed = planHeadcount(proposals);
  const invitees = proposals.reduce((sum, p) => sum + p.invitees.length, 0);
  console.error(
    `B13 ${tier}: ${proposals.length} events, ${unmet.length} unmet shortages (${unmetHeadcount} open), ` +
      `${addressed} positions addressed (${((100 * addressed) / unmetHeadcount).toFixed(1)}%), ${invitees} invitations; input built in ${input.buildMs} ms`,
  );
  console.error(`B13 small instances: ${smallInstanceCoverage()}`);
}

/**
 * B15: are the events worth holding? planRecruitment (placement, packing a station's week into general
 * fairs, minimums, live streams, direct referral) on B13's input with the default minimums, timed; then
 * on stderr and in the JSON line: the share of unmet open positions an event addresses (and the share sent
 * by direct referral), expected attendance per event, events per station-week (mean over the weeks with
 * an event, and the most), the share of invitees from priority groups (counted only with consent), and
 * the proposals below the minimums (target 0).
 */
export function benchPlannerQuality(tier: Tier, seed: number): void {
  const input = buildInput(tier, seed);
  const { stations, shortages, options, seekerBusy } = input;
  let plan: RecruitmentPlan = { proposals: [], referrals: [] };
  const result = measure('B15', tier, seed, stations.length * input.days, `station-days/s (${stations.length} x ${input.days}, ${shortages.length} shortages)`, RUNS[tier], () => {
    plan = planRecruitment(stations, shortages, options, seekerBusy);
  });
  const quality = plannerQuality(plan, input);
  report({ ...result, ...quality });
  const kinds = plan.proposals.reduce<Record<string, number>>((n, p) => ({ ...n, [p.kind]: (n[p.kind] ?? 0) + 1 }), {});
  console.error(`B15 ${tier}: ${JSON.stringify({ ...quality, kinds })}`);
}

function plannerQuality({ proposals, referrals }: RecruitmentPlan, { stations, shortages, options }: PlanningInput) {
  const unmet = selectUnmet(shortages, { today: options.today, strongPerOpening: 2, deadlineSoonDays: 14 });
  const open = new Map(unmet.map((e) => [e.shortage.id, e.shortage.openHeadcount]));
  const unmetHeadcount = [...open.values()].reduce((a, b) => a + b, 0);
  const addressed = proposals.reduce((n, p) => n + p.headcountAddressed, 0);
  const referred = referrals.reduce((n, r) => n + Math.min(open.get(r.shortageId) ?? 0, r.seekerIds.length), 0);
  const attendance = proposals.map((p) => p.expectedAttendance).sort((a, b) => a - b);
  const weeks = new Map<string, number>();
  for (const p of proposals) {
    const key = `${p.stationId}|${weekStart(epochDay(p.date))}`;
    weeks.set(key, (weeks.get(key) ?? 0) + 1);
  }
  // One event per station-day, counting the days the stations' events already hold.
  const days = new Map<string, number>();
  for (const p of proposals) days.set(`${p.stationId}|${p.date}`, (days.get(`${p.stationId}|${p.date}`) ?? 0) + 1);
  const held = new Set(stations.flatMap((s) => s.busyDates.map((d) => `${s.id}|${d}`)));
  const withHeld = new Map(weeks);
  for (const s of stations) {
    for (const d of s.busyDates) {
      const key = `${s.id}|${weekStart(epochDay(d))}`;
      if (weeks.has(key)) withHeld.set(key, withHeld.get(key)! + 1);
    }
  }
  const invitees = proposals.flatMap((p) => p.invitees);
  const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    events: proposals.length,
    covered_share: round(addressed / Math.max(1, unmetHeadcount)),
    referred_share: round(referred / Math.max(1, unmetHeadcount)),
    referrals: referrals.length,
    attendance_mean: round(attendance.reduce((a, b) => a + b, 0) / Math.max(1, attendance.length), 1),
    attendance_median: attendance.length ? attendance[attendance.length >> 1] : 0,
    events_per_station_week: round(proposals.length / Math.max(1, weeks.size), 2),
    max_events_per_station_week: Math.max(0, ...weeks.values()),
    max_events_per_station_week_with_held: Math.max(0, ...withHeld.values()),
    max_events_per_station_day: Math.max(0, ...days.values()),
    on_held_days: proposals.filter((p) => held.has(`${p.stationId}|${p.date}`)).length,
    priority_share: round(invitees.filter((i) => i.priorityGroup).length / Math.max(1, invitees.length)),
    below_minimums: proposals.filter((p) => !meetsMinimums(p, options)).length,
  };
}

interface PlanningInput {
  stations: PlanningStation[];
  shortages: UnmetShortage[];
  options: PlanningOptions;
  seekerBusy: Map<string, string[]>;
  days: number;
  buildMs: number;
}

function buildInput(tier: Tier, seed: number): PlanningInput {
  const started = Date.now();
  const dataset = generateDataset({ seed, tier });
  const today = dataset.referenceDate;
  const days = DAYS[tier];
  const taxonomy = Taxonomy.shared();
  const stations = [...dataset.stations()].map((s, i) => planningStation(s, i, seed, today, days));

  const pool = new SeekerPool();
  for (const seeker of dataset.seekers()) pool.add(seeker);

  const familyNames: Record<string, string> = {};
  const shortages: UnmetShortage[] = [];
  for (const s of dataset.shortages()) {
    const family = occupationFamily(s.occupationCode);
    familyNames[family] ??= taxonomy.occupation(family)?.name ?? family;
    const { candidates, strong } = pool.candidates(s.occupationCode, family, s, s.minSkillLevel, hash(seed, shortages.length));
    shortages.push({
      id: s.key,
      employerId: s.employerKey,
      occupationCode: s.occupationCode,
      occupationName: taxonomy.occupation(s.occupationCode)?.name,
      regionCode: s.regionCode,
      lat: s.lat,
      lng: s.lng,
      openHeadcount: s.headcount,
      strongCandidates: strong,
      urgency: s.urgency,
      deadline: s.deadline,
      candidates,
    });
  }

  const seekerBusy = new Map<string, string[]>();
  for (let i = 0; i < pool.size; i++) {
    const h = hash(seed ^ 0x5eed, i);
    if (h % 50 === 0) seekerBusy.set(pool.ids[i], [addDays(today, 3 + (h >>> 8) % (days - 3))]);
  }
  const options: PlanningOptions = { today, horizonDays: days, strongScore: STRONG_SCORE, familyNames };
  return { stations, shortages, options, seekerBusy, days, buildMs: Date.now() - started };
}

const OPEN_WEEKDAYS: Record<Station['type'], number[]> = {
  employment_station: [1, 2, 3, 4, 5],
  hr_market: [1, 2, 3, 4, 5, 6],
  gig_market: [0, 1, 2, 3, 4, 5, 6],
};

function planningStation(s: Station, index: number, seed: number, today: string, days: number): PlanningStation {
  const busyDates: string[] = [];
  for (let d = 0; d < days; d++) if (hash(seed + index, d) % 7 === 0) busyDates.push(addDays(today, d));
  return { id: s.key, regionCode: s.regionCode, lat: s.lat, lng: s.lng, capacity: s.capacity, booths: s.booths, busyDates, openWeekdays: OPEN_WEEKDAYS[s.type] };
}

/** Generated seekers in compact arrays, bucketed by (occupation family, 5 km cell). */
class SeekerPool {
  readonly ids: string[] = [];
  private readonly lat: number[] = [];
  private readonly lng: number[] = [];
  private readonly radius: number[] = [];
  private readonly skill: number[] = [];
  private readonly priority: boolean[] = [];
  private readonly wanted: string[] = [];
  private readonly cells = new Map<string, number[]>();

  get size(): number {
    return this.ids.length;
  }

  add(s: Seeker): void {
    const i = this.ids.length;
    this.ids.push(s.key);
    this.lat.push(s.lat);
    this.lng.push(s.lng);
    this.radius.push(s.travelRadiusKm);
    this.skill.push(s.skillLevel);
    this.priority.push(countsAsPriority({ priorityGroups: s.priorityGroups, consentSensitiveMatching: s.consentToSensitiveMatching }));
    this.wanted.push(s.desiredOccupations.join(','));
    for (const family of new Set(s.desiredOccupations.map(occupationFamily))) {
      const key = cellKey(family, s.lat, s.lng);
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    }
  }

  candidates(code: string, family: string, at: { lat: number; lng: number }, minSkill: number, salt: number): { candidates: PlanningCandidate[]; strong: number } {
    const found: PlanningCandidate[] = [];
    let strong = 0;
    const row = Math.floor(at.lat / LAT_STEP);
    const col = Math.floor(at.lng / LNG_STEP);
    for (let r = row - 1; r <= row + 1; r++) {
      for (let c = col - 1; c <= col + 1; c++) {
        const cell = this.cells.get(`${family}|${r}|${c}`);
        if (!cell) continue;
        for (let k = 0; k < Math.min(cell.length, SAMPLED_PER_CELL); k++) {
          const i = cell[k];
          const point = { lat: this.lat[i], lng: this.lng[i] };
          const d = distanceKm(point, at);
          if (d > this.radius[i]) continue;
          const score =
            0.45 +
            (this.wanted[i].includes(code) ? 0.2 : 0) +
            0.15 * (1 - d / this.radius[i]) +
            0.1 * Math.min(1, this.skill[i] / Math.max(1, minSkill)) +
            0.1 * ((hash(salt, i) % 1000) / 1000);
          if (score >= STRONG_SCORE) strong++;
          found.push({ seekerId: this.ids[i], score: Math.round(score * 1000) / 1000, ...point, travelRadiusKm: this.radius[i], priorityGroup: this.priority[i] });
        }
      }
    }
    found.sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : 1));
    return { candidates: found.slice(0, CANDIDATES_PER_SHORTAGE), strong };
  }
}

const LAT_STEP = CELL_KM / 111.32;
const LNG_STEP = CELL_KM / (111.32 * Math.cos((19.2 * Math.PI) / 180));
const cellKey = (family: string, lat: number, lng: number) => `${family}|${Math.floor(lat / LAT_STEP)}|${Math.floor(lng / LNG_STEP)}`;

function hash(a: number, b: number): number {
  let x = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return (x ^ (x >>> 16)) >>> 0;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Mean and total of planned / optimal headcount over seeded small instances. */
function smallInstanceCoverage(): string {
  let planned = 0;
  let optimal = 0;
  let ratios = 0;
  let counted = 0;
  for (let seed = 1; seed <= SMALL_INSTANCES; seed++) {
    const { stations, shortages, options, seekerBusy } = smallInstance(seed);
    const plan = planHeadcount(planEvents(stations, shortages, options, seekerBusy));
    const best = exactOptimum(stations, shortages, options, seekerBusy).headcount;
    planned += plan;
    optimal += best;
    if (best > 0) {
      ratios += plan / best;
      counted++;
    }
  }
  return `coverage vs exact optimum over ${SMALL_INSTANCES} instances: mean ${((100 * ratios) / counted).toFixed(2)}%, total ${planned}/${optimal} = ${((100 * planned) / optimal).toFixed(2)}%`;
}
