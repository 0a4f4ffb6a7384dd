import { addMonthsToMonth } from '@app/clock/shanghai-calendar';
import { ReductionType, Signals } from '../core';

/** A small seeded generator (mulberry32): the same seed gives the same signals. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: ReductionType[] = ['natural', 'dismissal', 'closure', 'economic_layoff', 'transfer', 'other'];

/**
 * Synthetic signals for `regions` × `industries` × `months` (from 2025-01), `firmsPerCell` monitored firms each, with
 * claims per region and industry (weekly figures), market figures, rates and a few layoff reports. Not real data.
 */
export function syntheticSignals(o: { regions: number; industries: number; months: number; firmsPerCell: number; seed: number }): Signals {
  const next = random(o.seed);
  const signals: Signals = { firms: [], layoffs: [], claims: [], market: [], rates: [], firmStatus: [] };
  const regions = Array.from({ length: o.regions }, (_, k) => `4601${String(k).padStart(2, '0')}`);
  const industries = Array.from({ length: o.industries }, (_, k) => String.fromCharCode(65 + k));
  let layoffId = 0;
  for (const region of regions) {
    for (let m = 0; m < o.months; m++) {
      const month = addMonthsToMonth('2025-01', m);
      signals.market.push({ region, month, vacancies: Math.round(800 + next() * 800), seekers: Math.round(700 + next() * 800), newRegistrations: Math.round(next() * 300) });
      signals.rates.push({ region, month, registeredRate: 2 + next() * 3, surveyedRate: 4 + next() * 2, youthSurveyedRate: 10 + next() * 8 });
      for (const industry of industries) {
        const weekly = [0, 1, 2, 3].map(() => Math.round(next() * 30));
        signals.claims.push({ region, industry, month, claims: weekly.reduce((a, b) => a + b, 0), weekly });
        for (let f = 0; f < o.firmsPerCell; f++) {
          const previous = 50 + Math.round(next() * 500);
          const reductions: Partial<Record<ReductionType, number>> = { [TYPES[Math.floor(next() * TYPES.length)]]: Math.round(next() * previous * 0.04) };
          const additions = Math.round(next() * previous * 0.03);
          const lost = Object.values(reductions).reduce((a, b) => a + (b ?? 0), 0);
          signals.firms.push({ firmId: `${region}-${industry}-${f}`, region, industry, month, enrolmentHeadcount: previous + 20, previousHeadcount: previous, headcount: previous + additions - lost, additions, reductions });
        }
        if (next() < 0.01) signals.firmStatus.push({ firmId: `${region}-${industry}-1`, region, industry, month, status: next() < 0.7 ? 'abnormal_list' : 'deregistered' });
        if (next() < 0.02) {
          const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
          signals.layoffs.push({
            id: `L${layoffId++}`,
            employerId: `${region}-${industry}-0`,
            region,
            industry,
            ground: 'serious_difficulty',
            count: 5 + Math.round(next() * 120),
            staff: 600,
            occupations: [],
            effectiveDate: `${month}-${day}`,
          });
        }
      }
    }
  }
  return signals;
}
