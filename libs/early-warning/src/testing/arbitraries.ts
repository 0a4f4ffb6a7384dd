import fc from 'fast-check';
import { IndicatorCode, Severity } from '../core';

const ranges: Record<IndicatorCode, [number, number]> = {
  jobLossRate: [-5, 10],
  headcountDecline: [-5, 15],
  claimsYoy: [-50, 200],
  jobsPerSeeker: [0.3, 2],
  registeredRate: [1, 9],
  registeredRateYoy: [-2, 4],
  surveyedRate: [3, 9],
  largestLayoff: [0, 1000],
  totalLayoffs: [0, 2500],
  pairedFirmsLost: [0, 15],
  largeFirmLayoff: [0, 800],
};

/** Indicator values for one region and month, any of them missing. */
export const indicatorValuesArb: fc.Arbitrary<Partial<Record<IndicatorCode, number>>> = fc.record(
  Object.fromEntries(
    (Object.keys(ranges) as IndicatorCode[]).map((code) => [code, fc.double({ min: ranges[code][0], max: ranges[code][1], noNaN: true })]),
  ) as Record<IndicatorCode, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);

export const indicatorCodeArb = fc.constantFrom(...(Object.keys(ranges) as IndicatorCode[]));
export const severityArb = fc.constantFrom<Severity>(0, 1, 2, 3, 4);
export const hysteresisArb = fc.record({ onAfter: fc.integer({ min: 1, max: 4 }), offAfter: fc.integer({ min: 1, max: 4 }), minDuration: fc.integer({ min: 1, max: 6 }) });
