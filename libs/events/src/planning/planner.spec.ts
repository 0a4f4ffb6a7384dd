import fc from 'fast-check';
import { epochDay, weekday } from './calendar';
import { occupationFamily } from './clusters';
import { distanceKm } from './geo';
import { resolvePlanningOptions } from './options';
import { planEvents } from './planner';
import { mediumInstance, smallInstance, SmallInstance } from '../testing/small-instances';
import { EventProposal, PlanningStation, UnmetShortage } from './types';

/** Every rule a plan must keep; throws (through expect) at the first broken one. */
function checkPlan({ stations, shortages, seekerBusy, options }: SmallInstance, proposals: EventProposal[]): void {
  const opts = resolvePlanningOptions(options);
  const today = epochDay(opts.today);
  const stationById = new Map(stations.map((s) => [s.id, s]));
  const shortageById = new Map(shortages.map((s) => [s.id, s]));
  const stationDays = new Set<string>();
  const seekerDays = new Set<string>();
  const placed = new Set<string>();
  for (const p of proposals) {
    const station = stationById.get(p.stationId)!;
    expect(station.busyDates).not.toContain(p.date);
    expect(stationDays.has(`${p.stationId}|${p.date}`)).toBe(false);
    stationDays.add(`${p.stationId}|${p.date}`);
    const day = epochDay(p.date) - today;
    expect(day).toBeGreaterThanOrEqual(opts.leadTimeDays);
    expect(day).toBeLessThan(opts.horizonDays);
    if (station.openWeekdays) expect(station.openWeekdays).toContain(weekday(epochDay(p.date)));

    expect(p.invitees.length).toBeLessThanOrEqual(station.capacity);
    expect(p.employerIds.length).toBeLessThanOrEqual(station.booths);
    expect(p.employerIds).toEqual([...new Set(p.shortageIds.map((id) => shortageById.get(id)!.employerId))].sort());
    for (const id of p.shortageIds) {
      const s = shortageById.get(id)!;
      expect(placed.has(id)).toBe(false);
      placed.add(id);
      expect(occupationFamily(s.occupationCode)).toBe(p.occupationFamily);
      expect(distanceKm(s, station)).toBeLessThanOrEqual(opts.catchmentKm);
    }
    for (const invitee of p.invitees) {
      expect(p.shortageIds).toContain(invitee.shortageId);
      const candidate = shortageById.get(invitee.shortageId)!.candidates.find((c) => c.seekerId === invitee.seekerId)!;
      expect(candidate).toBeDefined();
      expect(distanceKm(candidate, station)).toBeLessThanOrEqual(candidate.travelRadiusKm);
      expect(seekerBusy[invitee.seekerId] ?? []).not.toContain(p.date);
      expect(seekerDays.has(`${invitee.seekerId}|${p.date}`)).toBe(false);
      seekerDays.add(`${invitee.seekerId}|${p.date}`);
    }
    const headcount = p.shortageIds.reduce(
      (sum, id) => sum + Math.min(shortageById.get(id)!.openHeadcount, p.invitees.filter((i) => i.shortageId === id).length),
      0,
    );
    expect(p.headcountAddressed).toBe(headcount);
    expect(p.headcountAddressed).toBeGreaterThan(0);
    expect(p.expectedAttendance).toBe(Math.round(p.invitees.length * opts.attendanceRate));
    expect(p.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['DEMAND_GAP', 'STATION_NEAR_DEMAND', 'EARLIEST_FREE_DATE', 'INVITEES']));
    for (const r of p.reasons) {
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en).toMatch(/[a-z]/);
    }
  }
  // Priority groups not crowded out: below the share only when no eligible priority seeker was left out.
  for (const p of proposals) {
    const priority = p.invitees.filter((i) => i.priorityGroup).length;
    if (priority >= Math.ceil(opts.priorityShare * p.invitees.length - 1e-9)) continue;
    const station = stationById.get(p.stationId)!;
    for (const id of p.shortageIds) {
      for (const c of shortageById.get(id)!.candidates) {
        const leftOut =
          c.priorityGroup &&
          distanceKm(c, station) <= c.travelRadiusKm &&
          !(seekerBusy[c.seekerId] ?? []).includes(p.date) &&
          !seekerDays.has(`${c.seekerId}|${p.date}`);
        expect(leftOut ? `${c.seekerId} left out of ${p.stationId} ${p.date}` : '').toBe('');
      }
    }
  }
}

describe('planEvents', () => {
  it('keeps every rule on random small instances', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const instance = smallInstance(seed);
        checkPlan(instance, planEvents(instance.stations, instance.shortages, instance.options, instance.seekerBusy));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every rule on random medium instances, with any lead time and priority share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, lead, share) => {
        const instance = mediumInstance(seed);
        instance.options = { ...instance.options, leadTimeDays: lead, priorityShare: share };
        const proposals = planEvents(instance.stations, instance.shortages, instance.options, instance.seekerBusy);
        expect(proposals.length).toBeGreaterThan(0);
        checkPlan(instance, proposals);
      }),
      { numRuns: 25 },
    );
  });

  it('is deterministic, whatever the order of the shortages', () => {
    const { stations, shortages, seekerBusy, options } = mediumInstance(7);
    const plan = planEvents(stations, shortages, options, seekerBusy);
    expect(planEvents(stations, shortages, options, seekerBusy)).toEqual(plan);
    expect(planEvents(stations, [...shortages].reverse(), options, new Map(Object.entries(seekerBusy)))).toEqual(plan);
  });

  const station: PlanningStation = { id: 'st', regionCode: '460105', lat: 20.0, lng: 110.3, capacity: 3, booths: 2, busyDates: [] };
  const candidate = (k: number, score: number, priorityGroup = false) => ({ seekerId: `sk-${k}`, score, lat: 20.01, lng: 110.31, travelRadiusKm: 10, priorityGroup });
  const careShortage: UnmetShortage = {
    id: 'sh-care',
    employerId: 'em-1',
    occupationCode: '4-10-01-05',
    occupationName: '养老护理员',
    regionCode: '460105',
    lat: 20.02,
    lng: 110.33,
    openHeadcount: 12,
    strongCandidates: 1,
    urgency: 'urgent',
    deadline: '2025-07-10',
    candidates: [candidate(1, 0.95), candidate(2, 0.9), candidate(3, 0.85), candidate(4, 0.8), candidate(5, 0.5, true), candidate(6, 0.45, true)],
  };
  const options = { today: '2025-07-01', minClusterHeadcount: 1 };

  it('takes the earliest free day after the lead time', () => {
    const [event] = planEvents([{ ...station, busyDates: ['2025-07-04', '2025-07-05'] }], [careShortage], options);
    expect(event.date).toBe('2025-07-06');
    const [sooner] = planEvents([station], [careShortage], { ...options, leadTimeDays: 1 });
    expect(sooner.date).toBe('2025-07-02');
  });

  it('keeps places for priority groups within capacity', () => {
    const [event] = planEvents([station], [careShortage], options);
    expect(event.invitees).toHaveLength(3);
    expect(event.invitees.filter((i) => i.priorityGroup).map((i) => i.seekerId)).toEqual(['sk-5']);
    expect(event.invitees.map((i) => i.seekerId)).toEqual(['sk-1', 'sk-2', 'sk-5']);
    const [all] = planEvents([{ ...station, capacity: 100 }], [careShortage], { ...options, priorityShare: 0.5 });
    expect(all.invitees).toHaveLength(6);
  });

  it('does not invite a seeker to two events on the same day', () => {
    const other = { ...station, id: 'st-2', lat: 20.03 };
    const cook = { ...careShortage, id: 'sh-cook', employerId: 'em-2', occupationCode: '4-03-02-01', occupationName: '中式烹调师' };
    const plan = planEvents([station, other], [careShortage, cook], { ...options, horizonDays: 5 });
    expect(plan).toHaveLength(2);
    expect(new Set(plan.map((p) => p.date)).size).toBe(2);
  });

  it('states the gap, the distance and the date in Chinese and English', () => {
    const [event] = planEvents([station], [careShortage], options);
    const text = (code: string) => event.reasons.find((r) => r.code === code)!;
    expect(text('DEMAND_GAP').zh).toBe('该区域养老护理员缺口 12 人，本场可对接 3 人');
    expect(text('STATION_NEAR_DEMAND').zh).toMatch(/^驿站距需求中心 \d+\.\d 公里$/);
    expect(text('STATION_NEAR_DEMAND').en).toMatch(/km from the centre of the demand/);
    expect(text('URGENT_DEMAND').en).toBe('1 of the shortages are urgent or critical');
    expect(text('EARLIEST_FREE_DATE').zh).toContain('2025-07-04');
    expect(event).toMatchObject({ stationId: 'st', occupationFamily: '4-10-01', shortageIds: ['sh-care'], employerIds: ['em-1'], headcountAddressed: 3, expectedAttendance: 1 });
  });

  it('plans nothing for demand that is met, too small or out of reach', () => {
    expect(planEvents([station], [{ ...careShortage, openHeadcount: 0 }], options)).toEqual([]);
    expect(planEvents([station], [{ ...careShortage, openHeadcount: 1, strongCandidates: 9, urgency: 'normal', deadline: '2025-09-30' }], options)).toEqual([]);
    expect(planEvents([station], [careShortage], { ...options, minClusterHeadcount: 13 })).toEqual([]);
    expect(planEvents([{ ...station, lat: 18.3 }], [careShortage], options)).toEqual([]);
  });
});

describe('planEvents with odd input', () => {
  it('invites a seeker listed twice for a shortage once', () => {
    const station: PlanningStation = { id: 'st', regionCode: '460105', lat: 20.0, lng: 110.3, capacity: 10, booths: 2, busyDates: [] };
    const c = { seekerId: 'sk-1', score: 0.9, lat: 20.01, lng: 110.31, travelRadiusKm: 10, priorityGroup: false };
    const s: UnmetShortage = {
      id: 'sh',
      employerId: 'em',
      occupationCode: '4-10-01-05',
      regionCode: '460105',
      lat: 20.0,
      lng: 110.3,
      openHeadcount: 3,
      strongCandidates: 0,
      urgency: 'normal',
      deadline: '2025-08-01',
      candidates: [c, { ...c, score: 0.8 }],
    };
    const [event] = planEvents([station], [s], { today: '2025-07-01' });
    expect(event.invitees).toEqual([{ seekerId: 'sk-1', score: 0.9, priorityGroup: false, shortageId: 'sh' }]);
  });
});
