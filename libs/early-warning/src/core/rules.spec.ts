import { ManualClock } from '@app/clock';
import {
  ESCALATION_CASES,
  HYSTERESIS_CASES,
  LAYOFF_CASES,
  layoff,
  LEVEL_THRESHOLD_CASES,
  REGION_LEVEL_CASES,
  SEASONAL_CASES,
  SeasonalCase,
  TEST_BOOK,
} from '@app/early-warning/testing';
import { checkLayoff } from './layoff';
import { computeIndicators, ALL_INDUSTRIES } from './indicators';
import { escalation } from './escalation';
import { publishedSeverities, regionLevelOn } from './levels';
import { DEFAULT_BOOK } from './parameter-book';
import { Signals } from './types';

const codes = (checks: { code: string; verdict: string }[], verdict: string) => checks.filter((c) => c.verdict === verdict).map((c) => c.code).sort();

describe('§41 layoff report check: case file', () => {
  it('has at least 20 cases', () => expect(LAYOFF_CASES.length).toBeGreaterThanOrEqual(20));
  it.each(LAYOFF_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = checkLayoff(c.report, [c.report, ...(c.others ?? [])], TEST_BOOK);
    expect({ reportable: result.reportable, reachedBy: result.reachedBy, fail: codes(result.checks, 'fail'), unknown: codes(result.checks, 'unknown') }).toEqual({
      reportable: c.expect.reportable,
      reachedBy: c.expect.reachedBy,
      fail: [...(c.expect.fail ?? [])].sort(),
      unknown: [...(c.expect.unknown ?? [])].sort(),
    });
    if (c.expect.windowTotal !== undefined) expect(result.windowTotal).toBe(c.expect.windowTotal);
    for (const check of result.checks) expect(check.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('region level (worst indicator, two signals, single large layoff): case file', () => {
  it('has at least 20 cases', () => expect(REGION_LEVEL_CASES.length).toBeGreaterThanOrEqual(20));
  it.each(REGION_LEVEL_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const level = regionLevelOn('460105', '2026-03', c.values, TEST_BOOK);
    expect(level.severity).toBe(c.expect.severity);
    if (c.expect.worst !== undefined) expect(level.worst).toBe(c.expect.worst);
    expect(level.heldBySingleSignal).toBe(c.expect.held ?? false);
  });
});

describe.each(Object.entries(LEVEL_THRESHOLD_CASES))('level %s thresholds, indicator by indicator: case file', (_, cases) => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (__, c) => {
    const level = regionLevelOn('460105', '2026-03', c.values, TEST_BOOK);
    expect({ severity: level.severity, held: level.heldBySingleSignal }).toEqual({ severity: c.expect.severity, held: c.expect.held ?? false });
    if (c.expect.worst !== undefined) expect(level.worst).toBe(c.expect.worst);
  });
});

describe('hysteresis: case file', () => {
  it('has at least 20 cases', () => expect(HYSTERESIS_CASES.length).toBeGreaterThanOrEqual(20));
  it.each(HYSTERESIS_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [onAfter, offAfter, minDuration] = c.h ?? [2, 3, 3];
    expect(publishedSeverities(c.raw, { onAfter, offAfter, minDuration })).toEqual(c.expect);
  });
});

function seasonalSignals(c: SeasonalCase): Signals {
  const region = '460200';
  return {
    firms: (c.firms ?? []).map(([month, reductions]) => ({
      firmId: 'F1', region, industry: 'H', month, enrolmentHeadcount: 1000, previousHeadcount: 1000, headcount: 1000 - reductions, additions: 0, reductions: { dismissal: reductions },
    })),
    claims: (c.claims ?? []).map(([month, claims]) => ({ region, month, claims })),
    rates: (c.rates ?? []).map(([month, registeredRate]) => ({ region, month, registeredRate: registeredRate })),
    market: [],
    layoffs: [],
    firmStatus: [],
  };
}

describe('seasonal comparison with the same month a year before: case file', () => {
  it('has at least 20 cases', () => expect(SEASONAL_CASES.length).toBeGreaterThanOrEqual(20));
  it.each(SEASONAL_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const book =
      c.yearOnYear === false
        ? { ...TEST_BOOK, thresholds: { '*': TEST_BOOK.thresholds['*'].map((e) => ({ ...e, value: { ...e.value, firmsYearOnYear: false } })) } }
        : TEST_BOOK;
    const row = computeIndicators(seasonalSignals(c), book).find((r) => r.industry === ALL_INDUSTRIES && r.month === c.month)!;
    if (c.expect.jobLossRate !== undefined) expect(row.values.jobLossRate).toBeCloseTo(c.expect.jobLossRate, 4);
    if (c.expect.claimsYoy !== undefined) expect(row.values.claimsYoy ?? null).toEqual(c.expect.claimsYoy);
    if (c.expect.registeredRateYoy !== undefined) expect(row.values.registeredRateYoy ?? null).toEqual(c.expect.registeredRateYoy);
    if (c.expect.severity !== undefined) expect(regionLevelOn(row.region, row.month, row.values, book).severity).toBe(c.expect.severity);
  });
});

describe('W4 escalation timing under a controlled clock: case file', () => {
  const raisedAt = new Date('2026-03-02T01:30:00Z');
  const hours = (h: number) => new Date(raisedAt.getTime() + h * 3_600_000);
  it('has at least 20 cases', () => expect(ESCALATION_CASES.length).toBeGreaterThanOrEqual(20));
  it.each(ESCALATION_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const clock = new ManualClock(raisedAt);
    clock.set(hours(c.nowHours));
    const result = escalation({ level: c.level, raisedAt, tier: c.tier ?? 'county', acknowledgedAt: c.ackHours === undefined ? undefined : hours(c.ackHours) }, clock.now(), DEFAULT_BOOK);
    expect(result.tier).toBe(c.expect.tier);
    expect(result.steps.map((s) => (s.at.getTime() - raisedAt.getTime()) / 3_600_000)).toEqual(c.expect.steps);
    expect(result.nextAt === null ? null : (result.nextAt.getTime() - raisedAt.getTime()) / 3_600_000).toEqual(c.expect.nextHours);
  });

  it('walks an unacknowledged level I alert hour by hour: city at 2 h, province at 4 h', () => {
    const clock = new ManualClock(raisedAt);
    const seen: string[] = [];
    for (let h = 0; h <= 6; h++) {
      clock.set(hours(h));
      seen.push(escalation({ level: 'I', raisedAt, tier: 'county' }, clock.now(), DEFAULT_BOOK).tier);
    }
    expect(seen).toEqual(['county', 'county', 'city', 'city', 'province', 'province', 'province']);
  });
});

describe('large-firm layoffs', () => {
  it('counts a layoff toward largeFirmLayoff only at a firm of 600 staff or more', () => {
    const signals = (staff: number) => ({ firms: [], claims: [], market: [], rates: [], firmStatus: [], layoffs: [layoff({ count: 320, staff })] });
    const at = (staff: number) => computeIndicators(signals(staff), TEST_BOOK).find((r) => r.industry === ALL_INDUSTRIES)!.values;
    expect([at(600).largeFirmLayoff, at(599).largeFirmLayoff, at(599).largestLayoff]).toEqual([320, undefined, 320]);
  });
});

describe('paired enterprises lost', () => {
  it('counts a firm once a month, per region and per industry', () => {
    const event = (firmId: string, status: 'abnormal_list' | 'deregistered', industry = 'C') => ({ firmId, region: '460100', industry, month: '2026-03', status });
    const rows = computeIndicators(
      { firms: [], layoffs: [], claims: [], market: [], rates: [], firmStatus: [event('F1', 'abnormal_list'), event('F1', 'deregistered'), event('F2', 'deregistered', 'G')] },
      TEST_BOOK,
    );
    const value = (industry: string) => rows.find((r) => r.industry === industry)?.values.pairedFirmsLost;
    expect([value(ALL_INDUSTRIES), value('C'), value('G')]).toEqual([2, 1, 1]);
  });
});
