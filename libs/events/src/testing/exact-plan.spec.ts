import { exactOptimum, planHeadcount } from './exact-plan';
import { planEvents } from '../planning/planner';
import { smallInstance } from './small-instances';
import { PlanningStation, UnmetShortage } from '../planning/types';

const INSTANCES = 400;

describe('exactOptimum', () => {
  const station = (id: string, capacity: number, booths: number): PlanningStation => ({ id, regionCode: '460100', lat: 20, lng: 110.3, capacity, booths, busyDates: [] });
  const shortage = (id: string, employerId: string, open: number, seekers: string[]): UnmetShortage => ({
    id,
    employerId,
    occupationCode: '4-10-01-05',
    regionCode: '460100',
    lat: 20,
    lng: 110.3,
    openHeadcount: open,
    strongCandidates: 0,
    urgency: 'normal',
    deadline: '2025-09-01',
    candidates: seekers.map((seekerId) => ({ seekerId, score: 0.8, lat: 20, lng: 110.3, travelRadiusKm: 10, priorityGroup: false })),
  });

  it('finds the optimum of a hand-checked instance', () => {
    // One station, one day, one booth: employer b (3 fillable) beats employer a (2); capacity 2 caps it.
    const options = { today: '2025-07-01', leadTimeDays: 0, horizonDays: 1, minClusterHeadcount: 1 };
    const shortages = [shortage('s1', 'a', 2, ['x', 'y']), shortage('s2', 'b', 3, ['x', 'y', 'z'])];
    expect(exactOptimum([station('st', 10, 1)], shortages, options).headcount).toBe(3);
    expect(exactOptimum([station('st', 2, 1)], shortages, options).headcount).toBe(2);
    // Two booths, one day: x, y, z can each fill one position, so 3 in all.
    expect(exactOptimum([station('st', 10, 2)], shortages, options).headcount).toBe(3);
    // Two days: the shortages go to separate events and seekers may come twice.
    expect(exactOptimum([station('st', 10, 1)], shortages, { ...options, horizonDays: 2 }).headcount).toBe(5);
  });

  it(`planEvents covers >= 95% of the exact optimum on average over ${INSTANCES} random small instances`, () => {
    let planned = 0;
    let optimal = 0;
    let ratioSum = 0;
    let counted = 0;
    let worst = 1;
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const { stations, shortages, seekerBusy, options } = smallInstance(seed);
      const plan = planHeadcount(planEvents(stations, shortages, options, seekerBusy));
      const best = exactOptimum(stations, shortages, options, seekerBusy).headcount;
      expect(plan).toBeLessThanOrEqual(best);
      planned += plan;
      optimal += best;
      if (best > 0) {
        ratioSum += plan / best;
        counted++;
        worst = Math.min(worst, plan / best);
      }
    }
    const mean = ratioSum / counted;
    console.log(
      `B13 coverage on ${INSTANCES} small instances (${counted} with demand that can be met): mean ratio ${(100 * mean).toFixed(2)}%, ` +
        `total ${planned}/${optimal} = ${((100 * planned) / optimal).toFixed(2)}%, worst ${(100 * worst).toFixed(1)}%`,
    );
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(planned / optimal).toBeGreaterThanOrEqual(0.95);
  });
});
