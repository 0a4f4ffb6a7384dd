import { SeasonalCase } from '../case';

/**
 * Year-on-year comparison with the same month a year before: the monitored firms' job-loss rate (reductions per
 * 1,000 here, so 30 is 3%), claims and the registered rate. A tourism dip in Sanya each spring must not raise a
 * warning by itself when it is the same as last year's.
 */
export const SEASONAL_CASES: SeasonalCase[] = [
  { name: 'no year before: the raw rate is judged', firms: [['2026-03', 30]], month: '2026-03', expect: { jobLossRate: 3, severity: 1 } },
  { name: 'same dip as last year: excess 0', firms: [['2025-03', 30], ['2026-03', 30]], month: '2026-03', expect: { jobLossRate: 0, severity: 0 } },
  { name: 'dip 2 points worse than last year: excess 2', firms: [['2025-03', 30], ['2026-03', 50]], month: '2026-03', expect: { jobLossRate: 2, severity: 1 } },
  { name: 'better than last year: negative excess, no warning', firms: [['2025-03', 50], ['2026-03', 20]], month: '2026-03', expect: { jobLossRate: -3, severity: 0 } },
  { name: 'last month is not the comparison: February 2026 against March 2026', firms: [['2026-02', 30], ['2026-03', 30]], month: '2026-03', expect: { jobLossRate: 3, severity: 1 } },
  { name: 'two years before is not the comparison', firms: [['2024-03', 30], ['2026-03', 30]], month: '2026-03', expect: { jobLossRate: 3, severity: 1 } },
  { name: 'across the year end: January against January', firms: [['2025-01', 10], ['2026-01', 25]], month: '2026-01', expect: { jobLossRate: 1.5, severity: 1 } },
  { name: 'December against December', firms: [['2024-12', 10], ['2025-12', 10]], month: '2025-12', expect: { jobLossRate: 0, severity: 0 } },
  { name: 'comparison switched off: the raw rate is judged', firms: [['2025-03', 30], ['2026-03', 30]], month: '2026-03', yearOnYear: false, expect: { jobLossRate: 3, severity: 1 } },
  { name: 'claims up 50% on the same month: 50', claims: [['2025-03', 200], ['2026-03', 300]], month: '2026-03', expect: { claimsYoy: 50, severity: 1 } },
  { name: 'claims up on last month but equal to last year: 0', claims: [['2025-03', 300], ['2026-02', 100], ['2026-03', 300]], month: '2026-03', expect: { claimsYoy: 0, severity: 0 } },
  { name: 'claims with no year before: no value', claims: [['2026-03', 300]], month: '2026-03', expect: { claimsYoy: null } },
  { name: 'claims year before zero: no value (no division by zero)', claims: [['2025-03', 0], ['2026-03', 300]], month: '2026-03', expect: { claimsYoy: null } },
  { name: 'claims doubled: 100', claims: [['2025-06', 150], ['2026-06', 300]], month: '2026-06', expect: { claimsYoy: 100, severity: 1 } },
  { name: 'claims fell by a third', claims: [['2025-06', 300], ['2026-06', 200]], month: '2026-06', expect: { claimsYoy: -33.3333, severity: 0 } },
  { name: 'registered rate up 1 point on the same month', rates: [['2025-03', 3], ['2026-03', 4]], month: '2026-03', expect: { registeredRateYoy: 1, severity: 1 } },
  { name: 'registered rate as last year: 0', rates: [['2025-03', 3.5], ['2026-03', 3.5]], month: '2026-03', expect: { registeredRateYoy: 0, severity: 0 } },
  { name: 'registered rate with no year before: no change value', rates: [['2026-03', 3.5]], month: '2026-03', expect: { registeredRateYoy: null, severity: 0 } },
  { name: 'rate up 2 points and at 6%: both from one source, held at IV', rates: [['2025-03', 4], ['2026-03', 6]], month: '2026-03', expect: { registeredRateYoy: 2, severity: 1 } },
  {
    name: 'job loss 2 points above last year and rate up 1 point: III from two sources',
    firms: [['2025-03', 10], ['2026-03', 30]],
    rates: [['2025-03', 3], ['2026-03', 4]],
    month: '2026-03',
    expect: { jobLossRate: 2, registeredRateYoy: 1, severity: 2 },
  },
  {
    name: 'seasonal dip as last year and claims as last year: no warning although raw rates are high',
    firms: [['2025-04', 60], ['2026-04', 60]],
    claims: [['2025-04', 500], ['2026-04', 500]],
    month: '2026-04',
    expect: { jobLossRate: 0, claimsYoy: 0, severity: 0 },
  },
  {
    name: 'dip 3 points above last year and claims up 60%: II from two sources',
    firms: [['2025-04', 20], ['2026-04', 50]],
    claims: [['2025-04', 100], ['2026-04', 160]],
    month: '2026-04',
    expect: { jobLossRate: 3, claimsYoy: 60, severity: 3 },
  },
];
