import { generateDataset } from '@app/demo-data';
import { buildCandidateIndex, candidatesFor, candidatesForCompiled } from './candidates';
import { compileSeekers, compileShortages, FLAG_ELIGIBLE, FLAG_NEAR_FIT, ScoringKernel } from './compiled';
import { explainMatch, seekerFactsFromDemo, shortageFactsFromDemo } from '../testing';

describe('candidate generation (blocking)', () => {
  const dataset = generateDataset({ seed: 20250101, tier: 'S' });
  const seekers = [...dataset.seekers()].map(seekerFactsFromDemo);
  const shortages = [...dataset.shortages()].map(shortageFactsFromDemo);
  const compiled = compileSeekers(seekers);
  const index = buildCandidateIndex(compiled);
  const compiledShortages = compileShortages(shortages, compiled.vocabulary);

  it('finds the top 20 true fits (eligible or near fit, by score) of brute force with recall >= 0.97 on tier S', () => {
    const kernel = new ScoringKernel(compiled, compiledShortages);
    const all = Int32Array.from(seekers.keys());
    const scores = new Float64Array(all.length);
    const flags = new Uint8Array(all.length);
    const TOP = 20;
    let wanted = 0;
    let found = 0;
    let allFits = 0;
    let allFound = 0;
    let candidates = 0;
    for (let j = 0; j < shortages.length; j++) {
      const result = candidatesForCompiled(index, compiledShortages, j);
      expect(result.seekers.length).toBeLessThanOrEqual(1000);
      candidates += result.seekers.length;
      const chosen = new Set(result.seekers);
      kernel.scoreBatch(j, all, all.length, scores, flags);
      const fits = [...all].filter((i) => flags[i] & (FLAG_ELIGIBLE | FLAG_NEAR_FIT)).sort((a, b) => scores[b] - scores[a] || a - b);
      fits.slice(0, TOP).forEach((i) => {
        wanted++;
        if (chosen.has(i)) found++;
      });
      allFits += fits.length;
      allFound += fits.filter((i) => chosen.has(i)).length;
    }
    const recall = found / wanted;
    console.log(
      `candidate recall on tier S: top-${TOP} true fits ${found}/${wanted} = ${recall.toFixed(4)}; all true fits ${allFound}/${allFits} = ${(allFound / allFits).toFixed(4)}; ` +
        `mean candidates per shortage ${(candidates / shortages.length).toFixed(1)} of ${seekers.length} seekers`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(candidates / shortages.length).toBeLessThan(seekers.length / 20);
  });

  it('respects maxCandidates, keeping the best by score of the pool it read', () => {
    const kernel = new ScoringKernel(compiled, compiledShortages);
    let cut = 0;
    for (let j = 0; j < 60; j++) {
      const wide = candidatesForCompiled(index, compiledShortages, j, { maxCandidates: 100_000 });
      const narrow = candidatesForCompiled(index, compiledShortages, j, { maxCandidates: 10 });
      expect(narrow.seekers.length).toBe(Math.min(10, narrow.poolSize));
      const inWide = new Set(wide.seekers);
      for (const i of narrow.seekers) expect(inWide.has(i)).toBe(true);
      if (narrow.poolSize <= 10) continue;
      cut++;
      // The minor-group tier is always read in full: none of it left out may beat a chosen seeker.
      const chosen = new Set(narrow.seekers);
      const scores = new Float64Array(wide.seekers.length);
      kernel.scoreBatch(j, wide.seekers, wide.seekers.length, scores);
      const scoreOf = new Map(Array.from(wide.seekers, (i, k) => [i, scores[k]]));
      const lowestChosen = Math.min(...Array.from(narrow.seekers, (i) => scoreOf.get(i) as number));
      for (const i of wide.seekers) {
        if (chosen.has(i) || explainMatch(seekers[i], shortages[j]).factors[0].value < 0.7) continue;
        expect(scoreOf.get(i)).toBeLessThanOrEqual(lowestChosen);
      }
    }
    expect(cut).toBeGreaterThan(10);
  });

  it('from facts: returns the SeekerFacts, every one within reach', () => {
    const factsIndex = buildCandidateIndex(seekers.slice(0, 3000));
    const shortage = shortages[3];
    const result = candidatesFor(shortage, factsIndex, { maxCandidates: 50 });
    expect(result.length).toBeGreaterThan(0);
    expect(result.length).toBeLessThanOrEqual(50);
    for (const seeker of result) {
      expect(seekers).toContain(seeker);
      const explanation = explainMatch(seeker, shortage);
      expect(explanation.reasons.some((r) => r.code === 'DISTANCE_OUT_OF_REACH')).toBe(false);
    }
    expect(() => candidatesFor(shortage, index)).toThrow(/built from SeekerFacts/);
  });
});
