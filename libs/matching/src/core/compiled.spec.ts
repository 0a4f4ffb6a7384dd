import { generateDataset } from '@app/demo-data';
import { clusterSeekers, compileSeekers, compileShortages, FLAG_ELIGIBLE, FLAG_NEAR_FIT, ScoringKernel } from './compiled';
import { REASONS } from './reasons';
import { MatchWeights } from './weights';
import { explainCompact, explainMatch, fixtureSeeker, fixtureShortage, scoreCompiled, scoreMatch, seekerFactsFromDemo, shortageFactsFromDemo } from '../testing';

describe('compiled kernel', () => {
  const dataset = generateDataset({ seed: 9, tier: 'S' });
  const seekers = [...dataset.seekers(0, 2000)].map(seekerFactsFromDemo);
  const shortages = [...dataset.shortages(0, 60)].map(shortageFactsFromDemo);
  const compiled = compileSeekers(seekers);
  const compiledShortages = compileShortages(shortages, compiled.vocabulary);

  it('scoreCompiled and the batch kernel give the scoreMatch score (within 1e-9) and the same eligible / near-fit flags', () => {
    const kernel = new ScoringKernel(compiled, compiledShortages);
    const all = Int32Array.from(seekers.keys());
    const scores = new Float64Array(all.length);
    const flags = new Uint8Array(all.length);
    let fits = 0;
    for (let j = 0; j < shortages.length; j++) {
      kernel.scoreBatch(j, all, all.length, scores, flags);
      for (let i = 0; i < seekers.length; i += 3) {
        const expected = scoreMatch(seekers[i], shortages[j]);
        expect(Math.abs(scoreCompiled(compiled, compiledShortages, i, j) - expected)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(scores[i] - expected)).toBeLessThanOrEqual(1e-9);
        const explanation = explainMatch(seekers[i], shortages[j]);
        expect((flags[i] & FLAG_ELIGIBLE) !== 0).toBe(explanation.eligible);
        expect((flags[i] & FLAG_NEAR_FIT) !== 0).toBe(explanation.nearFit);
        if (explanation.eligible || explanation.nearFit) fits++;
      }
    }
    expect(fits).toBeGreaterThan(100);
  });

  it('agrees under other weights and on edge cases (no coordinates, nothing required, duplicates, unknown fields)', () => {
    const weights: MatchWeights = { occupation: 1, requiredSkills: 2, preferredSkills: 3, certificates: 4, skillLevel: 5, distance: 6, wage: 7, availability: 8, workType: 9, experience: 10, priorityGroup: 11 };
    const edgeSeekers = [
      fixtureSeeker(),
      fixtureSeeker({ lat: null, lng: null }),
      fixtureSeeker({ skills: [{ name: '电气接线', level: 1 }, { name: '电气接线', level: 4 }], certificates: ['SPO-1.1', 'SPO-1.1'] }),
      fixtureSeeker({ skillLevel: null, wageExpectation: null, availableFrom: null, workTypes: [], desiredOccupations: ['6-31'], experience: [], priorityGroups: ['disabled'] }),
    ];
    const edgeShortages = [
      fixtureShortage(),
      fixtureShortage({ lat: null, lng: null }),
      fixtureShortage({ requiredSkills: [], preferredSkills: [], requiredCertificates: [], minSkillLevel: null, experienceYears: null, openToDisabled: true }),
      fixtureShortage({ requiredSkills: [{ name: '电气接线', level: 5 }, { name: '电气接线', level: 2 }, { name: '新技能', level: 0 }], occupationCode: '6-31-01' }),
    ];
    const s = compileSeekers(edgeSeekers);
    const t = compileShortages(edgeShortages, s.vocabulary);
    const kernel = new ScoringKernel(s, t, weights);
    const all = Int32Array.from(edgeSeekers.keys());
    const scores = new Float64Array(all.length);
    for (let j = 0; j < edgeShortages.length; j++) {
      kernel.scoreBatch(j, all, all.length, scores);
      for (let i = 0; i < edgeSeekers.length; i++) {
        const expected = scoreMatch(edgeSeekers[i], edgeShortages[j], weights);
        expect(scoreCompiled(s, t, i, j, weights)).toBeCloseTo(expected, 9);
        expect(scores[i]).toBeCloseTo(expected, 9);
      }
    }
  });

  it('explain gives the compact explanation of the facts (explainCompact), reasons and gaps included, for every pair', () => {
    const kernel = new ScoringKernel(compiled, compiledShortages);
    const all = Int32Array.from(seekers.keys());
    const scores = new Float64Array(all.length);
    const codes = new Set<number>();
    let pairs = 0;
    for (let j = 0; j < shortages.length; j += 2) {
      kernel.scoreBatch(j, all, all.length, scores);
      for (let i = j % 5; i < seekers.length; i += 5) {
        const explained = kernel.explanations.compact(kernel.explain(j, i));
        expect(explained).toEqual(explainCompact(seekers[i], shortages[j]));
        for (let at = 0; at < explained.r.length; ) {
          const code = explained.r[at] as number;
          codes.add(code);
          const arity = REASONS[code].arity;
          at += arity >= 0 ? 1 + arity : 2 + (explained.r[at + 1] as number);
        }
        pairs++;
      }
    }
    // Out of order too: explain prepares the shortage it is asked about.
    const log = kernel.explanations;
    expect(log.compact(kernel.explain(3, 7))).toEqual(explainCompact(seekers[7], shortages[3]));
    expect(log.compact(kernel.explain(0, 7))).toEqual(explainCompact(seekers[7], shortages[0]));
    // Records stay readable as the log grows; clear() starts it over.
    const first = kernel.explain(1, 1);
    for (let k = 0; k < 500; k++) kernel.explain(2, k);
    expect(log.compact(first)).toEqual(explainCompact(seekers[1], shortages[1]));
    expect(JSON.parse(log.json(first))).toEqual(explainCompact(seekers[1], shortages[1]));
    log.clear();
    expect(kernel.explain(1, 1)).toBe(0);
    expect(pairs).toBeGreaterThan(10_000);
    expect(codes.size).toBeGreaterThanOrEqual(20);
  });

  it('explain agrees on edge cases, under other weights (stored with the explanation) and after clustering', () => {
    const weights: MatchWeights = { occupation: 1, requiredSkills: 2, preferredSkills: 3, certificates: 4, skillLevel: 5, distance: 6, wage: 7, availability: 8, workType: 9, experience: 10, priorityGroup: 11 };
    const edgeSeekers = [
      fixtureSeeker(),
      fixtureSeeker({ lat: null, lng: null, education: 'primary', regionCode: '460107' }),
      fixtureSeeker({ skills: [{ name: '电气接线', level: 1 }, { name: '电气接线', level: 4 }, { name: 'PLC编程', level: 3 }], certificates: ['SPO-1.1', 'SPO-1.1'] }),
      fixtureSeeker({ skillLevel: null, wageExpectation: null, availableFrom: null, workTypes: [], desiredOccupations: ['6-31'], experience: [], priorityGroups: ['disabled'] }),
      fixtureSeeker({ desiredOccupations: ['4-10-01-01', '4-10-01-01'], experience: [{ occupationCode: '6-31-01-09', years: 2 }, { occupationCode: '4-10-01-01', years: 1 }], education: 'junior_high' }),
      fixtureSeeker({ lat: 18.25, lng: 109.5, wageExpectation: 9000, availableFrom: '2025-09-01', workTypes: ['gig'], skillLevel: 1, education: 'unknown_level' }),
    ];
    const edgeShortages = [
      fixtureShortage(),
      fixtureShortage({ lat: null, lng: null }),
      fixtureShortage({ requiredSkills: [], preferredSkills: [], requiredCertificates: [], minSkillLevel: null, experienceYears: null, openToDisabled: true, education: null }),
      fixtureShortage({ requiredSkills: [{ name: '电气接线', level: 5 }, { name: '电气接线', level: 2 }, { name: '新技能', level: 0 }], occupationCode: '6-31-01', requiredCertificates: ['SPO-3.1', 'SPO-1.1', 'SPO-3.1'] }),
      fixtureShortage({ preferredSkills: [{ name: 'PLC编程', level: 2 }, { name: '电气接线', level: 1 }], education: 'bachelor', workType: 'seasonal', experienceYears: 0 }),
    ];
    for (const w of [undefined, weights]) {
      const s = compileSeekers(edgeSeekers);
      const t = compileShortages(edgeShortages, s.vocabulary);
      const kernel = new ScoringKernel(s, t, w);
      for (let j = 0; j < edgeShortages.length; j++) {
        for (let i = 0; i < edgeSeekers.length; i++) expect(kernel.explanations.compact(kernel.explain(j, i))).toEqual(explainCompact(edgeSeekers[i], edgeShortages[j], w));
      }
    }
    const weighted = new ScoringKernel(compiled, compiledShortages, weights);
    expect(weighted.explanations.compact(weighted.explain(0, 0)).w).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const { seekers: clustered, order } = clusterSeekers(compiled);
    const again = compileShortages(shortages.slice(0, 3), clustered.vocabulary);
    const kernel = new ScoringKernel(clustered, again);
    for (let n = 0; n < clustered.count; n += 41) {
      for (let j = 0; j < 3; j++) expect(kernel.explanations.compact(kernel.explain(j, n))).toEqual(explainCompact(seekers[order[n]], shortages[j]));
    }
  });

  it('clustering reorders seekers without changing any score', () => {
    const { seekers: clustered, order } = clusterSeekers(compiled);
    const shortagesAgain = compileShortages(shortages.slice(0, 5), clustered.vocabulary);
    expect([...order].sort((a, b) => a - b)).toEqual([...compiled.ids.keys()]);
    for (let n = 0; n < clustered.count; n += 7) {
      expect(clustered.ids[n]).toBe(compiled.ids[order[n]]);
      for (let j = 0; j < 5; j++) expect(scoreCompiled(clustered, shortagesAgain, n, j)).toBeCloseTo(scoreMatch(seekers[order[n]], shortages[j]), 9);
    }
  });

  it('refuses seekers and shortages compiled with different vocabularies', () => {
    const other = compileShortages(shortages.slice(0, 1), compileSeekers([]).vocabulary);
    expect(() => scoreCompiled(compiled, other, 0, 0)).toThrow(/same MatchVocabulary/);
  });
});
