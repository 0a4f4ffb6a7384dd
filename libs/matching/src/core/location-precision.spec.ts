import fc from 'fast-check';
import { buildCandidateIndex, candidatesForCompiled } from './candidates';
import { compileSeekers, compileShortages, FLAG_ELIGIBLE, FLAG_IN_REACH, FLAG_NEAR_FIT, ScoringKernel } from './compiled';
import { regionRelation, REGION_OTHER, REGION_SAME_CITY, REGION_SAME_COUNTY } from './primitives';
import { renderExplanation } from './reasons';
import { SeekerFacts, ShortageFacts } from './types';
import { explainCompact, explainMatch, fixtureSeeker, fixtureShortage, scoreCompiled, scoreMatch } from '../testing';

const PRECISIONS = [null, 'point', 'township', 'district', 'city'] as const;
/** Haikou's districts, the city code, a county, 儋州 (a city without districts), 洋浦 and the province. */
const REGIONS = ['460105', '460106', '460100', '469023', '460400', '460400499', '460000'];

const reasonCodes = (seeker: SeekerFacts, shortage: ShortageFacts) => explainMatch(seeker, shortage).reasons.map((r) => r.code);

describe('matching with coarse or missing locations', () => {
  it('relates region codes: same county, a city and its districts, never the province', () => {
    expect(regionRelation('460105', '460105')).toBe(REGION_SAME_COUNTY);
    expect(regionRelation('460100', '460105')).toBe(REGION_SAME_CITY);
    expect(regionRelation('460105', '460100')).toBe(REGION_SAME_CITY);
    expect(regionRelation('460105', '460106')).toBe(REGION_OTHER);
    expect(regionRelation('469023', '469023')).toBe(REGION_SAME_COUNTY);
    expect(regionRelation('469001', '469002')).toBe(REGION_OTHER);
    expect(regionRelation('460400', '460400499')).toBe(REGION_OTHER);
    expect(regionRelation('460400499', '460400499')).toBe(REGION_SAME_COUNTY);
    expect(regionRelation('460000', '460000')).toBe(REGION_OTHER);
  });

  it('matches a pair without coordinates by county, and says so (both sides, one side, the city and its district)', () => {
    const both = explainMatch(fixtureSeeker({ lat: null, lng: null }), fixtureShortage({ lat: null, lng: null }));
    expect(both.eligible).toBe(true);
    const reason = both.reasons.find((r) => r.code === 'REGION_SAME_COUNTY')!;
    expect(reason.zh).toBe('岗位和求职者均未定位，按所在区县匹配：同一区县（距离未知）');
    expect(reason.en).toMatch(/matched by county/);
    expect(both.factors.find((f) => f.factor === 'distance')!.value).toBe(0.5);

    expect(explainMatch(fixtureSeeker(), fixtureShortage({ lat: null, lng: null })).reasons.find((r) => r.code === 'REGION_SAME_COUNTY')!.zh).toMatch(/^岗位未定位/);
    expect(explainMatch(fixtureSeeker({ lat: null, lng: null }), fixtureShortage()).reasons.find((r) => r.code === 'REGION_SAME_COUNTY')!.zh).toMatch(/^求职者未定位/);

    const city = explainMatch(fixtureSeeker({ lat: null, lng: null, regionCode: '460100' }), fixtureShortage({ regionCode: '460105' }), undefined, {
      region: (code) => (code === '460100' ? '海口市' : undefined),
    });
    expect(city.eligible).toBe(true);
    expect(city.reasons.find((r) => r.code === 'REGION_SAME_CITY')!.zh).toBe('求职者未定位，按所在区县匹配：同属海口市（区县不详，距离未知）');
    expect(city.factors.find((f) => f.factor === 'distance')!.value).toBe(0.3);

    const other = explainMatch(fixtureSeeker({ lat: null, lng: null, regionCode: '460105' }), fixtureShortage({ regionCode: '460106' }));
    expect(other.eligible).toBe(false);
    expect(other.reasons.map((r) => r.code)).toContain('DISTANCE_UNKNOWN_OTHER_REGION');
    expect(explainMatch(fixtureSeeker({ lat: null, lng: null, regionCode: '460000' }), fixtureShortage({ lat: null, lng: null, regionCode: '460000' })).eligible).toBe(false);
    expect(renderExplanation(explainCompact(fixtureSeeker({ lat: null, lng: null }), fixtureShortage())).distanceBasis).toBe('region');
  });

  it('estimates the distance from a township, district or city centroid, and says so', () => {
    const township = explainMatch(fixtureSeeker(), fixtureShortage({ locationPrecision: 'township' }));
    const estimate = township.reasons.find((r) => r.code === 'DISTANCE_ESTIMATED')!;
    expect(estimate.zh).toMatch(/^距离约 2\.\d 公里（位置精确到镇街，距离为估算）$/);
    expect(estimate.en).toMatch(/location known to the township only; distance estimated/);
    expect(township.eligible).toBe(true);
    expect(reasonCodes(fixtureSeeker({ locationPrecision: 'district' }), fixtureShortage())).toContain('DISTANCE_ESTIMATED');
    expect(explainMatch(fixtureSeeker({ locationPrecision: 'district' }), fixtureShortage({ locationPrecision: 'township' })).reasons.find((r) => r.code === 'DISTANCE_ESTIMATED')!.zh).toMatch(
      /位置精确到区县/,
    );
    expect(explainMatch(fixtureSeeker(), fixtureShortage({ locationPrecision: 'city' })).reasons.find((r) => r.code === 'DISTANCE_ESTIMATED')!.zh).toMatch(/位置精确到市县/);
    const rendered = renderExplanation(explainCompact(fixtureSeeker(), fixtureShortage({ locationPrecision: 'township' })));
    expect(rendered.distanceBasis).toBe('estimated');
    expect(rendered.distanceKm).toBeGreaterThan(1);
    // Points, or coordinates without a precision (rows from before precisions), are measured.
    expect(reasonCodes(fixtureSeeker({ locationPrecision: 'point' }), fixtureShortage())).toContain('DISTANCE');
    expect(renderExplanation(explainCompact(fixtureSeeker(), fixtureShortage())).distanceBasis).toBe('measured');
  });

  it('keeps a coarse pair within reach while the centroid distance, less the slack, is within reach', () => {
    // 10 km radius: reach 15 km. About 20 km apart: out of reach between points, within reach from a district centroid.
    const far = fixtureShortage({ lat: 20.035 + 0.18, lng: 110.345 });
    expect(explainMatch(fixtureSeeker(), far).eligible).toBe(false);
    const coarse = explainMatch(fixtureSeeker(), { ...far, locationPrecision: 'district' });
    expect(coarse.eligible).toBe(true);
    expect(coarse.reasons.map((r) => r.code)).toContain('DISTANCE_ESTIMATED_BEYOND_RADIUS');
    expect(explainMatch(fixtureSeeker({ locationPrecision: 'district' }), far).eligible).toBe(true);
  });

  it('the kernel, its explanations and blocking agree with the scalar path over every mix of precision and region', () => {
    const location = fc.record({
      precision: fc.constantFrom(...PRECISIONS),
      located: fc.boolean(),
      lat: fc.double({ min: 19.7, max: 20.2, noNaN: true }),
      lng: fc.double({ min: 110.0, max: 110.6, noNaN: true }),
      region: fc.constantFrom(...REGIONS),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: location, radius: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 12 }),
        fc.array(location, { minLength: 1, maxLength: 6 }),
        (seekerSpecs, shortageSpecs) => {
          const seekers = seekerSpecs.map(({ at, radius }, n) =>
            fixtureSeeker({
              id: `s${n}`,
              regionCode: at.region,
              lat: at.located ? at.lat : null,
              lng: at.located ? at.lng : null,
              locationPrecision: at.located ? at.precision : null,
              travelRadiusKm: radius,
            }),
          );
          const shortages = shortageSpecs.map((at, n) =>
            fixtureShortage({
              id: `t${n}`,
              regionCode: at.region,
              lat: at.located ? at.lat : null,
              lng: at.located ? at.lng : null,
              locationPrecision: at.located ? at.precision : null,
            }),
          );
          const compiled = compileSeekers(seekers);
          const compiledShortages = compileShortages(shortages, compiled.vocabulary);
          const kernel = new ScoringKernel(compiled, compiledShortages);
          const index = buildCandidateIndex(compiled);
          const all = Int32Array.from(seekers.keys());
          const scores = new Float64Array(all.length);
          const flags = new Uint8Array(all.length);
          for (let j = 0; j < shortages.length; j++) {
            kernel.scoreBatch(j, all, all.length, scores, flags);
            const candidates = new Set(candidatesForCompiled(index, compiledShortages, j).seekers);
            for (let i = 0; i < seekers.length; i++) {
              const expected = scoreMatch(seekers[i], shortages[j]);
              expect(Math.abs(scores[i] - expected)).toBeLessThanOrEqual(1e-9);
              expect(Math.abs(scoreCompiled(compiled, compiledShortages, i, j) - expected)).toBeLessThanOrEqual(1e-9);
              const explanation = explainMatch(seekers[i], shortages[j]);
              expect((flags[i] & FLAG_ELIGIBLE) !== 0).toBe(explanation.eligible);
              expect((flags[i] & FLAG_NEAR_FIT) !== 0).toBe(explanation.nearFit);
              expect(kernel.explanations.compact(kernel.explain(j, i))).toEqual(explainCompact(seekers[i], shortages[j]));
              // Blocking never drops a seeker within reach (all of these share the shortage's occupation).
              if (flags[i] & FLAG_IN_REACH) expect(candidates.has(i)).toBe(true);
            }
            kernel.explanations.clear();
          }
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });
});
