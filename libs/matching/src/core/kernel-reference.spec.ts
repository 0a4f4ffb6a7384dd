import fc from 'fast-check';
import { compileSeekers, compileShortages, FLAG_ELIGIBLE, FLAG_IN_REACH, FLAG_NEAR_FIT, FLAG_REACHABLE, ScoringKernel } from './compiled';
import { fitCounts } from './fit-counts';
import { SeekerFacts, ShortageFacts } from './types';
import { MatchWeights } from './weights';
import { explainCompact, explainMatch, scoreMatch } from '../testing';
import { evaluate } from '../testing/evaluate';

/**
 * The production scorer (compile, kernel, explain) against the readable reference scorer of @app/matching/testing,
 * on random facts: every field drawn, including the unknowns (no coordinates, coarse locations, nulls, repeats).
 */
const occupation = fc.constantFrom('6-31-01-03', '6-31-01-09', '6-31-02-01', '6-31-01', '6-31', '4-10-01-01', '4-10-02-03', '2-02-07-04');
const skill = fc.record({ name: fc.constantFrom('电气接线', '低压配电', 'PLC编程', '焊接', '收银'), level: fc.integer({ min: 0, max: 5 }) });
const certificate = fc.constantFrom('SPO-1.1', 'SPO-3.1', 'SKL-6-31-01-03', 'SKL-4-10-01-01');
const region = fc.constantFrom('460105', '460106', '460107', '460100', '460202', '460200', '469001', '469005', '460000');
const location = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ lat: null, lng: null, locationPrecision: null }) },
  {
    weight: 4,
    arbitrary: fc.record({
      lat: fc.double({ min: 18.2, max: 20.2, noNaN: true }),
      lng: fc.double({ min: 108.6, max: 111.0, noNaN: true }),
      locationPrecision: fc.constantFrom(undefined, null, 'point', 'township', 'district', 'city'),
    }),
  },
);
const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const education = fc.option(fc.constantFrom('primary', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', 'master', 'unknown_level'));
const workType = fc.constantFrom('full_time', 'part_time', 'seasonal', 'gig');

const seekerArb: fc.Arbitrary<SeekerFacts> = fc
  .record({
    regionCode: region,
    location,
    travelRadiusKm: fc.constantFrom(0, 1, 3, 10, 30, 80),
    desiredOccupations: fc.array(occupation, { maxLength: 3 }),
    skills: fc.array(skill, { maxLength: 5 }),
    certificates: fc.array(certificate, { maxLength: 3 }),
    skillLevel: fc.option(fc.integer({ min: 1, max: 5 })),
    education,
    experience: fc.array(fc.record({ occupationCode: occupation, years: fc.integer({ min: 0, max: 12 }) }), { maxLength: 3 }),
    wageExpectation: fc.option(fc.integer({ min: 1500, max: 12_000 })),
    availableFrom: fc.option(day),
    workTypes: fc.subarray(['full_time', 'part_time', 'seasonal', 'gig']),
    priorityGroups: fc.subarray(['veteran', 'disabled', 'low_income']),
  })
  .map(({ location: at, ...rest }) => ({ id: '', ...rest, ...at }) as SeekerFacts);

const shortageArb: fc.Arbitrary<ShortageFacts> = fc
  .record({
    regionCode: region,
    location,
    occupationCode: occupation,
    requiredSkills: fc.array(skill, { maxLength: 4 }),
    preferredSkills: fc.array(skill, { maxLength: 3 }),
    requiredCertificates: fc.array(certificate, { maxLength: 3 }),
    minSkillLevel: fc.option(fc.integer({ min: 1, max: 5 })),
    education,
    experienceYears: fc.option(fc.integer({ min: 0, max: 8 })),
    wage: fc.tuple(fc.integer({ min: 1500, max: 9000 }), fc.integer({ min: 0, max: 4000 })),
    workType,
    startDate: day,
    openHeadcount: fc.integer({ min: 1, max: 20 }),
    openToDisabled: fc.boolean(),
  })
  .map(({ location: at, wage: [wageMin, extra], ...rest }) => ({ id: '', ...rest, ...at, wageMin, wageMax: wageMin + extra, urgency: 'normal' }) as ShortageFacts);

const weightsArb: fc.Arbitrary<MatchWeights | undefined> = fc.option(
  fc.record({
    occupation: fc.integer({ min: 0, max: 30 }),
    requiredSkills: fc.integer({ min: 0, max: 30 }),
    preferredSkills: fc.integer({ min: 0, max: 30 }),
    certificates: fc.integer({ min: 0, max: 30 }),
    skillLevel: fc.integer({ min: 0, max: 30 }),
    distance: fc.integer({ min: 1, max: 30 }),
    wage: fc.integer({ min: 0, max: 30 }),
    availability: fc.integer({ min: 0, max: 30 }),
    workType: fc.integer({ min: 0, max: 30 }),
    experience: fc.integer({ min: 0, max: 30 }),
    priorityGroup: fc.integer({ min: 0, max: 30 }),
  }),
  { nil: undefined },
);

const withIds = <T extends { id: string }>(records: T[], prefix: string) => records.map((record, k) => ({ ...record, id: `${prefix}-${k}` }));

describe('production scorer against the reference scorer (property)', () => {
  it('gives the reference score (within 1e-9), fit flags and compact explanation for every pair', () => {
    fc.assert(
      fc.property(fc.array(seekerArb, { minLength: 1, maxLength: 8 }), fc.array(shortageArb, { minLength: 1, maxLength: 4 }), weightsArb, (s, t, weights) => {
        const seekers = withIds(s, 'p');
        const shortages = withIds(t, 's');
        const compiled = compileSeekers(seekers);
        const kernel = new ScoringKernel(compiled, compileShortages(shortages, compiled.vocabulary), weights);
        const all = Int32Array.from(seekers.keys());
        const scores = new Float64Array(all.length);
        const flags = new Uint8Array(all.length);
        for (let j = 0; j < shortages.length; j++) {
          kernel.scoreBatch(j, all, all.length, scores, flags);
          for (let i = 0; i < seekers.length; i++) {
            const reference = evaluate(seekers[i], shortages[j]);
            const explanation = explainMatch(seekers[i], shortages[j], weights);
            expect(Math.abs(scores[i] - scoreMatch(seekers[i], shortages[j], weights))).toBeLessThanOrEqual(1e-9);
            expect((flags[i] & FLAG_IN_REACH) !== 0).toBe(reference.withinReach);
            expect((flags[i] & FLAG_REACHABLE) !== 0).toBe(reference.withinReach && reference.values[0] > 0);
            expect((flags[i] & FLAG_ELIGIBLE) !== 0).toBe(explanation.eligible);
            expect((flags[i] & FLAG_NEAR_FIT) !== 0).toBe(explanation.nearFit);
            expect(kernel.explanations.compact(kernel.explain(j, i))).toEqual(explainCompact(seekers[i], shortages[j], weights));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fitCounts counts the pairs the reference finds in reach (related occupation), eligible and near fit', () => {
    fc.assert(
      fc.property(fc.array(seekerArb, { maxLength: 6 }), fc.array(shortageArb, { maxLength: 3 }), (s, t) => {
        const seekers = withIds(s, 'p');
        const shortages = withIds(t, 's');
        const expected = { inReach: 0, eligible: 0, nearFit: 0 };
        for (const shortage of shortages) {
          for (const seeker of seekers) {
            const e = evaluate(seeker, shortage);
            if (!e.withinReach || e.values[0] === 0) continue;
            expected.inReach++;
            if (e.eligible) expected.eligible++;
            else if (e.nearFit) expected.nearFit++;
          }
        }
        expect(fitCounts(seekers, shortages)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
