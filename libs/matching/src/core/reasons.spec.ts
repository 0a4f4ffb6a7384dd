import { generateDataset } from '@app/demo-data';
import { distanceKm } from './primitives';
import { isCompactExplanation, MatchExplanationRecord, R, reasonCount, REASONS, renderExplanation, renderGaps } from './reasons';
import { MatchWeights } from './weights';
import { explainCompact, explainMatch, fixtureSeeker, fixtureShortage, seekerFactsFromDemo, shortageFactsFromDemo } from '../testing';

const names = { certificate: (code: string) => ({ 'SPO-1.1': '电工证', 'SPO-3.1': '高处作业证' })[code] };

describe('compact explanations, rendered when read', () => {
  const dataset = generateDataset({ seed: 11, tier: 'S' });
  const seekers = [...dataset.seekers(0, 400)].map(seekerFactsFromDemo);
  const shortages = [...dataset.shortages(0, 30)].map(shortageFactsFromDemo);

  it('stored (through JSON) and rendered, they give exactly what explainMatch gives: factors, bilingual reasons, gaps', () => {
    for (const shortage of shortages) {
      for (const seeker of seekers) {
        const stored = JSON.parse(JSON.stringify(explainCompact(seeker, shortage)));
        const full = explainMatch(seeker, shortage, undefined, names);
        const rendered = renderExplanation(stored, names);
        expect(rendered.factors).toEqual(full.factors);
        expect(rendered.reasons).toEqual(full.reasons);
        expect(rendered.gaps).toEqual(full.gaps);
        expect(reasonCount(stored.r)).toBe(full.reasons.length);
        const distance = full.reasons.find((r) => r.code.startsWith('DISTANCE') && !r.code.startsWith('DISTANCE_UNKNOWN'));
        expect(rendered.distanceKm === null).toBe(distance === undefined);
      }
    }
  });

  it('stores codes and parameters only: no text, certificates by code, the weights only when not the defaults', () => {
    const shortage = fixtureShortage({ requiredCertificates: ['SPO-1.1', 'SPO-3.1'] });
    const compact = explainCompact(fixtureSeeker(), shortage);
    expect(compact.v).toBe(2);
    expect(compact.f).toHaveLength(11);
    expect(compact.w).toBeUndefined();
    expect(compact.g).toEqual([{ kind: 'certificate', code: 'SPO-3.1' }]);
    expect(compact.r.slice(0, 3)).toEqual([R.OCCUPATION_EXACT, 0, '6-31-01-03']);
    expect(compact.r).toContain(R.MISSING_CERT);
    expect(JSON.stringify(compact)).not.toMatch(/距离|公里|km away|高处作业证/);
    const weights: MatchWeights = { occupation: 2, requiredSkills: 2, preferredSkills: 2, certificates: 2, skillLevel: 2, distance: 2, wage: 2, availability: 2, workType: 2, experience: 2, priorityGroup: 0 };
    const weighted = explainCompact(fixtureSeeker(), shortage, weights);
    expect(weighted.w).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0]);
    expect(renderExplanation(weighted).factors).toEqual(explainMatch(fixtureSeeker(), shortage, weights).factors);
  });

  it('renders certificate names at read time (the code when the taxonomy has none) and the distance to one decimal', () => {
    const compact = explainCompact(fixtureSeeker({ certificates: [] }), fixtureShortage());
    const named = renderExplanation(compact, names);
    expect(named.reasons).toContainEqual({ code: 'MISSING_CERT', kind: 'gap', zh: '缺少：电工证', en: 'Missing: 电工证' });
    expect(named.gaps).toEqual([{ kind: 'certificate', name: '电工证', code: 'SPO-1.1' }]);
    expect(renderExplanation(compact).gaps).toEqual([{ kind: 'certificate', name: 'SPO-1.1', code: 'SPO-1.1' }]);
    expect(named.distanceKm).toBe(Math.round(distanceKm(20.02, 110.33, 20.035, 110.345) * 10) / 10);
    expect(String(named.distanceKm)).toMatch(/^\d+(\.\d)?$/);
    expect(renderExplanation(explainCompact(fixtureSeeker({ lat: null, lng: null }), fixtureShortage())).distanceKm).toBeNull();
  });

  it('passes explanations stored before the compact form through unchanged, and gaps with names too', () => {
    const legacy: MatchExplanationRecord = {
      factors: [{ factor: 'occupation', value: 1, weight: 24, contribution: 24 }],
      reasons: [{ code: 'DISTANCE', kind: 'fit', zh: '距离 2.1 公里', en: '2.1 km away' }],
      gaps: [{ kind: 'certificate', name: '电工证', code: 'SPO-1.1' }],
      distanceKm: 2.1,
    };
    expect(isCompactExplanation(legacy)).toBe(false);
    expect(renderExplanation(legacy, names)).toBe(legacy);
    expect(renderExplanation(null)).toBeNull();
    expect(renderGaps(legacy.gaps, { certificate: () => 'other' })).toEqual(legacy.gaps);
    expect(renderGaps([{ kind: 'skill', name: '焊接', requiredLevel: 3, heldLevel: 1 }])).toEqual([{ kind: 'skill', name: '焊接', requiredLevel: 3, heldLevel: 1 }]);
  });

  it('numbers reasons once and for all (stored data refers to them)', () => {
    expect(REASONS.map((reason) => reason.code)).toEqual(Object.keys(R));
    expect(R.OCCUPATION_EXACT).toBe(0);
    expect(R.PRIORITY_GROUP).toBe(28);
    expect(() => renderExplanation({ v: 2, f: [], r: [99] })).toThrow(/Unknown reason code 99/);
  });
});
