import { RegionLevelCase } from '../case';

/**
 * Worst indicator, two signals for III and above, the single-large-layoff exception. Reference bands (default book):
 * jobLossRate 1/2/3/5, registeredRate 4/5/5.5/6, claimsYoy 20/40/60/100, jobsPerSeeker below 1/0.9/0.8/0.7,
 * surveyedRate 5.5/6/6.5/7, largestLayoff 50/100/300/600, totalLayoffs 300/600/1000/1500, pairedFirmsLost 2/4/6/10, largeFirmLayoff I at 300 (firms of 600 or more).
 */
export const REGION_LEVEL_CASES: RegionLevelCase[] = [
  { name: 'no indicators: no warning', values: {}, expect: { severity: 0 } },
  { name: 'every indicator under its first band', values: { jobLossRate: 0.9, registeredRate: 3.9, claimsYoy: 19, jobsPerSeeker: 1.2 }, expect: { severity: 0 } },
  { name: 'one indicator at IV: the region is IV', values: { registeredRate: 4 }, expect: { severity: 1 } },
  { name: '求人倍率 under 1 is IV (lower is worse)', values: { jobsPerSeeker: 0.95 }, expect: { severity: 1 } },
  { name: '求人倍率 exactly 1 is no warning', values: { jobsPerSeeker: 1 }, expect: { severity: 0 } },
  { name: 'one indicator at III alone is held at IV', values: { jobLossRate: 2.5 }, expect: { severity: 1, worst: 2, held: true } },
  { name: 'two indicators at III from one source (rates) are held at IV', values: { registeredRate: 5, surveyedRate: 6 }, expect: { severity: 1, worst: 2, held: true } },
  { name: 'two sources at III: the region is III', values: { jobLossRate: 2, registeredRate: 5 }, expect: { severity: 2 } },
  { name: 'two sources at II: II', values: { claimsYoy: 60, jobsPerSeeker: 0.79 }, expect: { severity: 3 } },
  { name: 'two sources at I: I (Hangzhou rate 6% with closures 1,500)', values: { registeredRate: 6, totalLayoffs: 1500 }, expect: { severity: 4 } },
  { name: 'I and III from two sources: III (the second signal sets the level)', values: { registeredRate: 6.5, jobLossRate: 2.1 }, expect: { severity: 2, worst: 4, held: true } },
  { name: 'I alone, another source at IV: IV', values: { surveyedRate: 7.5, jobsPerSeeker: 0.95 }, expect: { severity: 1, worst: 4, held: true } },
  { name: 'a single large layoff of 600 is I on its own', values: { largestLayoff: 600 }, expect: { severity: 4 } },
  { name: 'a single layoff of 300 is II on its own', values: { largestLayoff: 300 }, expect: { severity: 3 } },
  { name: 'a single layoff of 100 is III on its own', values: { largestLayoff: 100 }, expect: { severity: 2 } },
  { name: 'a single layoff of 99 is IV', values: { largestLayoff: 99 }, expect: { severity: 1 } },
  { name: 'total layoffs of 1,500 alone are not the exception: held at IV', values: { totalLayoffs: 1500 }, expect: { severity: 1, worst: 4, held: true } },
  { name: 'total layoffs at I with the largest layoff at III from the same source: III by the exception', values: { totalLayoffs: 1600, largestLayoff: 150 }, expect: { severity: 2, worst: 4, held: true } },
  { name: 'worst indicator wins among two sources at I and II', values: { registeredRate: 6, claimsYoy: 120, jobLossRate: 3 }, expect: { severity: 4 } },
  { name: 'three sources at III, II and II: II', values: { jobLossRate: 2, claimsYoy: 70, registeredRate: 5.6 }, expect: { severity: 3 } },
  { name: 'a large layoff at II beside a rate at I: II', values: { largestLayoff: 350, registeredRate: 6.1 }, expect: { severity: 3, worst: 4, held: true } },
  { name: 'negative year-on-year claims are no warning', values: { claimsYoy: -30 }, expect: { severity: 0 } },
  { name: 'a value that is not a number is ignored', values: { registeredRate: Number.NaN, claimsYoy: 25 }, expect: { severity: 1 } },
  { name: 'two paired firms lost in a month: IV', values: { pairedFirmsLost: 2 }, expect: { severity: 1 } },
  { name: 'paired firms lost at III with claims at III: III from two sources', values: { pairedFirmsLost: 4, claimsYoy: 45 }, expect: { severity: 2 } },
  { name: 'Hangzhou: 300 laid off at a firm of 600 or more is I on its own', values: { largeFirmLayoff: 300, largestLayoff: 300 }, expect: { severity: 4 } },
  { name: '299 laid off at a large firm: III by the single layoff of 299', values: { largeFirmLayoff: 299, largestLayoff: 299 }, expect: { severity: 2 } },
  { name: 'just under the I band on both sources: II', values: { registeredRate: 5.99, surveyedRate: 6.99, claimsYoy: 99 }, expect: { severity: 3 } },
];
