import fc from 'fast-check';
import { epochDay, weekday } from './calendar';
import { occupationFamily, selectUnmet } from './clusters';
import { distanceKm } from './geo';
import { resolvePlanningOptions } from './options';
import { meetsMinimums, planRecruitment, weekStart } from './recruitment-plan';
import { mediumInstance, SmallInstance } from '../testing/small-instances';
import { PlanningStation, RecruitmentPlan, UnmetShortage } from './types';

/** Every rule of events worth holding; throws (through expect) at the first broken one. */
function checkRecruitmentPlan({ stations, shortages, seekerBusy, options }: SmallInstance, { proposals, referrals }: RecruitmentPlan): void {
  const opts = resolvePlanningOptions(options);
  const today = epochDay(opts.today);
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const shortageById = new Map(shortages.map((s) => [s.id, s]));
  const stationDays = new Set<string>();
  const stationWeeks = new Map<string, number>();
  const seekerDays = new Set<string>();
  const inEvent = new Set<string>();
  for (const p of proposals) {
    const station = stationById.get(p.stationId)!;
    const day = epochDay(p.date);
    expect(meetsMinimums(p, opts)).toBe(true);
    expect(p.employerIds.length).toBeGreaterThanOrEqual(opts.minEmployers);
    if (p.kind !== 'live_stream') expect(p.expectedAttendance).toBeGreaterThanOrEqual(opts.minExpectedAttendance);

    expect(station.busyDates).not.toContain(p.date);
    expect(stationDays.has(`${p.stationId}|${p.date}`)).toBe(false);
    stationDays.add(`${p.stationId}|${p.date}`);
    const week = `${p.stationId}|${weekStart(day)}`;
    stationWeeks.set(week, (stationWeeks.get(week) ?? 0) + 1);
    expect(day - today).toBeGreaterThanOrEqual(opts.leadTimeDays);
    expect(day - today).toBeLessThan(opts.horizonDays);
    if (station.openWeekdays) expect(station.openWeekdays).toContain(weekday(day));

    expect(p.employerIds).toEqual([...new Set(p.shortageIds.map((id) => shortageById.get(id)!.employerId))].sort());
    const families = [...new Set(p.shortageIds.map((id) => occupationFamily(shortageById.get(id)!.occupationCode)))].sort();
    expect(p.occupationFamilies).toEqual(families);
    expect(families).toContain(p.occupationFamily);
    if (p.kind !== 'live_stream') {
      expect(p.kind).toBe(families.length > 1 ? 'general_fair' : 'specialised_fair');
      expect(p.invitees.length).toBeLessThanOrEqual(station.capacity);
      expect(p.employerIds.length).toBeLessThanOrEqual(station.booths);
      for (const id of p.shortageIds) expect(distanceKm(shortageById.get(id)!, station)).toBeLessThanOrEqual(opts.catchmentKm);
    }
    for (const id of p.shortageIds) {
      expect(inEvent.has(id)).toBe(false);
      inEvent.add(id);
    }
    for (const i of p.invitees) {
      expect(p.shortageIds).toContain(i.shortageId);
      expect(shortageById.get(i.shortageId)!.candidates.some((c) => c.seekerId === i.seekerId)).toBe(true);
      expect(seekerBusy[i.seekerId] ?? []).not.toContain(p.date);
      expect(seekerDays.has(`${i.seekerId}|${p.date}`)).toBe(false);
      seekerDays.add(`${i.seekerId}|${p.date}`);
    }
    const headcount = p.shortageIds.reduce((n, id) => n + Math.min(shortageById.get(id)!.openHeadcount, p.invitees.filter((i) => i.shortageId === id).length), 0);
    expect(p.headcountAddressed).toBe(headcount);
    expect(p.expectedAttendance).toBe(Math.round(p.invitees.length * opts.attendanceRate));
  }
  // The weekly limit counts the days a station already holds.
  for (const [key, planned] of stationWeeks) {
    const [stationId, week] = key.split('|');
    const held = stationById.get(stationId)!.busyDates.filter((d) => weekStart(epochDay(d)) === Number(week)).length;
    expect(planned + held).toBeLessThanOrEqual(Math.max(opts.maxEventsPerStationWeek, held));
    expect(planned).toBeLessThanOrEqual(Math.max(0, opts.maxEventsPerStationWeek - new Set(stationById.get(stationId)!.busyDates.filter((d) => weekStart(epochDay(d)) === Number(week))).size));
  }
  // Unmet demand with candidates goes to an event or to direct referral, never both.
  const referred = new Set(referrals.map((r) => r.shortageId));
  expect(referred.size).toBe(referrals.length);
  for (const e of selectUnmet(shortages, opts)) {
    if (e.shortage.candidates.length === 0) continue;
    expect(inEvent.has(e.shortage.id) !== referred.has(e.shortage.id)).toBe(true);
  }
  for (const r of referrals) {
    const s = shortageById.get(r.shortageId)!;
    expect(r.employerId).toBe(s.employerId);
    expect(r.seekerIds.length).toBeGreaterThan(0);
    for (const id of r.seekerIds) expect(s.candidates.some((c) => c.seekerId === id)).toBe(true);
  }
}

describe('planRecruitment', () => {
  it('keeps the minimums, one event per station-day and the weekly limit on random instances, whatever the settings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (seed, minEmployers, minExpectedAttendance, maxEventsPerStationWeek) => {
          const instance = mediumInstance(seed);
          instance.options = { ...instance.options, horizonDays: 28, minEmployers, minExpectedAttendance, maxEventsPerStationWeek };
          checkRecruitmentPlan(instance, planRecruitment(instance.stations, instance.shortages, instance.options, instance.seekerBusy));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('proposes events on medium instances with modest minimums', () => {
    const instance = mediumInstance(11);
    instance.options = { ...instance.options, horizonDays: 28, minEmployers: 2, minExpectedAttendance: 3 };
    const plan = planRecruitment(instance.stations, instance.shortages, instance.options, instance.seekerBusy);
    expect(plan.proposals.length).toBeGreaterThan(0);
    expect(plan.referrals.length).toBeGreaterThan(0);
  });

  it('is deterministic, whatever the order of the shortages', () => {
    const { stations, shortages, seekerBusy, options } = mediumInstance(7);
    const settings = { ...options, minEmployers: 2, minExpectedAttendance: 2 };
    const plan = planRecruitment(stations, shortages, settings, seekerBusy);
    expect(planRecruitment(stations, [...shortages].reverse(), settings, new Map(Object.entries(seekerBusy)))).toEqual(plan);
  });

  // One station, a Monday to Sunday week, three families of demand each with its own employer and seekers.
  const station: PlanningStation = { id: 'st', regionCode: '460105', lat: 20.0, lng: 110.3, capacity: 60, booths: 6, busyDates: [] };
  const seekers = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, k) => ({ seekerId: `${prefix}-${k}`, score: 0.9 - k / 100, lat: 20.01, lng: 110.31, travelRadiusKm: 20, priorityGroup: k % 4 === 0 }));
  const shortage = (id: string, employerId: string, occupationCode: string, open: number, candidates: number): UnmetShortage => ({
    id,
    employerId,
    occupationCode,
    regionCode: '460105',
    lat: 20.02,
    lng: 110.32,
    openHeadcount: open,
    strongCandidates: 0,
    urgency: 'normal',
    deadline: '2025-08-30',
    candidates: seekers(id, candidates),
  });
  const demand = [
    shortage('sh-care', 'em-1', '4-10-01-05', 8, 20),
    shortage('sh-cook', 'em-2', '4-03-02-01', 8, 20),
    shortage('sh-guide', 'em-3', '4-07-04-01', 8, 20),
  ];
  // 2025-07-07 is a Monday.
  const options = { today: '2025-07-03', leadTimeDays: 4, horizonDays: 11, minClusterHeadcount: 1 };

  it('merges one station week of several families into one general fair (综合招聘会)', () => {
    const { proposals, referrals } = planRecruitment([station], demand, options);
    expect(proposals).toHaveLength(1);
    const [fair] = proposals;
    expect(fair).toMatchObject({ kind: 'general_fair', date: '2025-07-07', occupationFamilies: ['4-03-02', '4-07-04', '4-10-01'], employerIds: ['em-1', 'em-2', 'em-3'] });
    expect(fair.expectedAttendance).toBeGreaterThanOrEqual(15);
    expect(fair.reasons.map((r) => r.code)).toContain('GENERAL_FAIR');
    expect(referrals).toEqual([]);
  });

  it('holds at most the weekly limit of events per station, counting the days it already holds', () => {
    const small = { ...station, booths: 1 };
    expect(planRecruitment([small], demand, { ...options, minEmployers: 1, minExpectedAttendance: 5, maxEventsPerStationWeek: 2 }).proposals).toHaveLength(2);
    expect(planRecruitment([{ ...small, busyDates: ['2025-07-10'] }], demand, { ...options, minEmployers: 1, minExpectedAttendance: 5, maxEventsPerStationWeek: 2 }).proposals).toHaveLength(1);
  });

  it('streams demand too thin for a venue (直播带岗), and refers what is too small for a stream', () => {
    const thin = demand.map((s) => ({ ...s, openHeadcount: 2, candidates: s.candidates.slice(0, 5) }));
    const { proposals, referrals } = planRecruitment([station], thin, options);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ kind: 'live_stream', employerIds: ['em-1', 'em-2', 'em-3'] });
    expect(proposals[0].expectedAttendance).toBeLessThan(15);
    expect(proposals[0].reasons.map((r) => r.code)).toContain('LIVE_STREAM');
    expect(referrals).toEqual([]);

    const tiny = planRecruitment([station], thin.slice(0, 2), options);
    expect(tiny.proposals).toEqual([]);
    expect(tiny.referrals.map((r) => [r.shortageId, r.cause, r.seekerIds.length])).toEqual([
      ['sh-care', 'below_minimums', 5],
      ['sh-cook', 'below_minimums', 5],
    ]);
    const unreachable = planRecruitment([{ ...station, lat: 18.3 }], thin.slice(0, 1), options);
    expect(unreachable.referrals.map((r) => r.cause)).toEqual(['no_event']);
  });

  it('rejects settings that make no sense', () => {
    expect(() => planRecruitment([station], demand, { ...options, minEmployers: 0 })).toThrow(RangeError);
    expect(() => planRecruitment([station], demand, { ...options, maxEventsPerStationWeek: 0 })).toThrow(RangeError);
  });
});
