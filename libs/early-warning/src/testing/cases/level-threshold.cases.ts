import type { IndicatorCode, Level, Severity } from '../../core';
import { RegionLevelCase } from '../case';

/**
 * The threshold of each level, indicator by indicator: at least 20 cases for each of IV, III, II and I. The bands
 * are written out here (the default book's, as the reference), so a change to the book shows up as failing cases.
 * For each indicator and level: the value at the threshold (inclusive; strictly under for 求人倍率, where lower is
 * worse) and just short of it; from III up, each alone (held at IV by the two-signal rule, except one employer's
 * layoff) and with a companion from another signal source at the same level.
 */
const BANDS: Record<Exclude<IndicatorCode, 'largeFirmLayoff'>, { at: [number, number, number, number]; short: [number, number, number, number] }> = {
  jobLossRate: { at: [1, 2, 3, 5], short: [0.99, 1.99, 2.99, 4.99] },
  headcountDecline: { at: [3, 5, 8, 10], short: [2.99, 4.99, 7.99, 9.99] },
  claimsYoy: { at: [20, 40, 60, 100], short: [19.99, 39.99, 59.99, 99.99] },
  jobsPerSeeker: { at: [0.99, 0.89, 0.79, 0.69], short: [1, 0.9, 0.8, 0.7] },
  registeredRate: { at: [4, 5, 5.5, 6], short: [3.99, 4.99, 5.49, 5.99] },
  registeredRateYoy: { at: [0.5, 1, 1.5, 2], short: [0.49, 0.99, 1.49, 1.99] },
  surveyedRate: { at: [5.5, 6, 6.5, 7], short: [5.49, 5.99, 6.49, 6.99] },
  largestLayoff: { at: [50, 100, 300, 600], short: [49, 99, 299, 599] },
  totalLayoffs: { at: [300, 600, 1000, 1500], short: [299, 599, 999, 1499] },
  pairedFirmsLost: { at: [2, 4, 6, 10], short: [1, 3, 5, 9] },
};
const MONITORED_FIRMS: IndicatorCode[] = ['jobLossRate', 'headcountDecline'];
const ONE_EMPLOYER: IndicatorCode[] = ['largestLayoff'];
const LEVELS: Level[] = ['IV', 'III', 'II', 'I'];

const held = (severity: Severity, worst: Severity) => severity < worst && worst >= 2;

function casesFor(level: Level): RegionLevelCase[] {
  const k = LEVELS.indexOf(level);
  const s = (k + 1) as Severity;
  const cases: RegionLevelCase[] = [];
  for (const [code, band] of Object.entries(BANDS) as [keyof typeof BANDS, (typeof BANDS)[keyof typeof BANDS]][]) {
    if (s === 1) {
      cases.push({ name: `${code} ${band.at[0]}: at the IV threshold, IV`, values: { [code]: band.at[0] }, expect: { severity: 1 } });
      cases.push({ name: `${code} ${band.short[0]}: short of the IV threshold, no warning`, values: { [code]: band.short[0] }, expect: { severity: 0 } });
      continue;
    }
    const companion: keyof typeof BANDS = MONITORED_FIRMS.includes(code) ? 'claimsYoy' : 'jobLossRate';
    const partner = { [companion]: BANDS[companion].at[k] };
    const alone = ONE_EMPLOYER.includes(code) ? s : 1;
    cases.push({
      name: `${code} ${band.at[k]} alone: ${alone === s ? `one employer's layoff sets ${level} on its own` : `held at IV (${level} needs two signals)`}`,
      values: { [code]: band.at[k] },
      expect: { severity: alone as Severity, worst: s, held: held(alone as Severity, s) },
    });
    cases.push({ name: `${code} ${band.at[k]} with ${companion} at ${level}: ${level}`, values: { [code]: band.at[k], ...partner }, expect: { severity: s, worst: s } });
    cases.push({
      name: `${code} ${band.short[k]} (short of ${level}) with ${companion} at ${level}: one level lower`,
      values: { [code]: band.short[k], ...partner },
      expect: { severity: (s - 1) as Severity, worst: s, held: held((s - 1) as Severity, s) },
    });
  }
  if (level === 'I') {
    cases.push({ name: 'largeFirmLayoff 300 (a firm of 600 or more) alone: I on its own', values: { largeFirmLayoff: 300 }, expect: { severity: 4 } });
    cases.push({ name: 'largeFirmLayoff 299 alone: no band below I, no warning', values: { largeFirmLayoff: 299 }, expect: { severity: 0 } });
  }
  return cases;
}

export const LEVEL_THRESHOLD_CASES: Record<Level, RegionLevelCase[]> = { IV: casesFor('IV'), III: casesFor('III'), II: casesFor('II'), I: casesFor('I') };
