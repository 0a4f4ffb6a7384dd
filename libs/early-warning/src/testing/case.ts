import { DEFAULT_BOOK, LayoffReport, Severity, WarningBook } from '../core';

/** The default book: its thresholds are the cases' reference values (the case names say which band they probe). */
export const TEST_BOOK: WarningBook = DEFAULT_BOOK;

/** A layoff report with defaults that pass every check: 25 people of 500 staff, 30 days' notice, union consulted. */
export function layoff(patch: Partial<LayoffReport> = {}): LayoffReport {
  return {
    id: 'L1',
    employerId: 'E1',
    region: '460105',
    industry: 'C',
    ground: 'serious_difficulty',
    count: 25,
    staff: 500,
    occupations: ['6-18-01-01'],
    noticeDate: '2026-03-02',
    effectiveDate: '2026-04-01',
    unionConsulted: true,
    ...patch,
  };
}

export interface LayoffCase {
  name: string;
  report: LayoffReport;
  /** The employer's other reports. */
  others?: LayoffReport[];
  expect: { reportable: boolean; reachedBy: 'count' | 'share' | 'split' | null; windowTotal?: number; fail?: string[]; unknown?: string[] };
}

export interface RegionLevelCase {
  name: string;
  values: Partial<Record<import('../core').IndicatorCode, number>>;
  expect: { severity: Severity; worst?: Severity; held?: boolean };
}

export interface HysteresisCase {
  name: string;
  raw: Severity[];
  /** onAfter, offAfter, minDuration (default 2, 3, 3). */
  h?: [number, number, number];
  expect: Severity[];
}

/** A seasonal comparison case: monitored-firm reductions (previous headcount 1,000) for months, and claims. */
export interface SeasonalCase {
  name: string;
  /** [month, reductions per 1,000] of monitored firms. */
  firms?: [string, number][];
  /** [month, claims]. */
  claims?: [string, number][];
  /** [month, registered rate]. */
  rates?: [string, number][];
  month: string;
  yearOnYear?: boolean;
  expect: { jobLossRate?: number; claimsYoy?: number | null; registeredRateYoy?: number | null; severity?: Severity };
}

export interface EscalationCase {
  name: string;
  level: 'IV' | 'III' | 'II' | 'I';
  /** Hours after raising at which the alert is looked at, and at which it was acknowledged (if it was). */
  nowHours: number;
  ackHours?: number;
  tier?: 'county' | 'city' | 'province';
  expect: { tier: 'county' | 'city' | 'province'; steps: number[]; nextHours: number | null };
}
