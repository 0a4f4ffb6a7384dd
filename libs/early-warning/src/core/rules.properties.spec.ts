import { addDays } from '@app/clock/shanghai-calendar';
import { hysteresisArb, indicatorCodeArb, indicatorValuesArb, layoff, severityArb } from '@app/early-warning/testing';
import fc from 'fast-check';
import { checkLayoff } from './layoff';
import { indicatorSeverity, publishedSeverities, regionLevel } from './levels';
import { DEFAULT_BOOK, INDICATOR_SOURCE, IndicatorCode, SINGLE_LAYOFF_INDICATORS } from './parameter-book';

const thresholds = DEFAULT_BOOK.thresholds['*'][0].value;
const worsen = (code: IndicatorCode, value: number, by: number) => (thresholds.indicators[code]?.below ? value - by : value + by);

describe('early-warning properties', () => {
  it('worst indicator wins: never above the worst, at least IV when any indicator warns, the worst when two sources or a single layoff reach it', () => {
    fc.assert(
      fc.property(indicatorValuesArb, (values) => {
        const level = regionLevel(values, thresholds);
        const severities = Object.entries(level.byIndicator) as [IndicatorCode, number][];
        const worst = Math.max(0, ...severities.map(([, s]) => s));
        expect(level.worst).toBe(worst);
        expect(level.severity).toBeLessThanOrEqual(worst);
        if (worst >= 1) expect(level.severity).toBeGreaterThanOrEqual(1);
        const atWorst = severities.filter(([, s]) => s === worst).map(([c]) => c);
        if (worst >= 1 && (new Set(atWorst.map((c) => INDICATOR_SOURCE[c])).size >= 2 || atWorst.some((c) => SINGLE_LAYOFF_INDICATORS.includes(c)))) expect(level.severity).toBe(worst);
      }),
      { numRuns: 2000 },
    );
  });

  it('monotone in severity: a worse value never lowers an indicator or the region', () => {
    fc.assert(
      fc.property(indicatorValuesArb, indicatorCodeArb, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: -10, max: 2000, noNaN: true }), (values, code, by, base) => {
        const before = values[code] ?? base;
        const after = worsen(code, before, by);
        expect(indicatorSeverity(after, thresholds.indicators[code])).toBeGreaterThanOrEqual(indicatorSeverity(before, thresholds.indicators[code]));
        const region = (v: number) => regionLevel({ ...values, [code]: v }, thresholds).severity;
        expect(region(after)).toBeGreaterThanOrEqual(region(before));
      }),
      { numRuns: 2000 },
    );
  });

  it('hysteresis never flaps: no lowering within the minimum duration, no rise without N periods at the level', () => {
    fc.assert(
      fc.property(fc.array(severityArb, { maxLength: 60 }), hysteresisArb, (raw, h) => {
        const published = publishedSeverities(raw, h);
        let changedAt = -1;
        published.forEach((s, t) => {
          const previous = t === 0 ? 0 : published[t - 1];
          if (s < previous) {
            expect(t - changedAt).toBeGreaterThanOrEqual(h.minDuration);
            for (let k = 0; k < h.offAfter; k++) expect(raw[t - k]).toBeLessThan(previous);
          }
          if (s > previous) for (let k = 0; k < h.onAfter; k++) expect(raw[t - k]).toBeGreaterThanOrEqual(s);
          if (s !== previous) changedAt = t;
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('a layoff of 20 or more split into parts within 90 days is reportable in each part', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ count: fc.integer({ min: 1, max: 19 }), offset: fc.integer({ min: 0, max: 89 }) }), { minLength: 2, maxLength: 6 }), (parts) => {
        fc.pre(parts.reduce((a, p) => a + p.count, 0) >= 20);
        const reports = parts.map((p, k) => layoff({ id: `P${k}`, count: p.count, staff: 10_000, effectiveDate: addDays('2026-01-01', p.offset) }));
        for (const r of reports) expect(checkLayoff(r, reports, DEFAULT_BOOK).reportable).toBe(true);
      }),
    );
  });
});
