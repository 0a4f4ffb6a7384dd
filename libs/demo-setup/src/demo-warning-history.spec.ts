import { ALL_INDUSTRIES, computeIndicators, DEFAULT_BOOK, hysteresisOn, publishedSeverities, regionLevelOn, Severity } from '@app/early-warning';
import { demoWarningHistory } from './demo-warning-history';

describe('demo early-warning history', () => {
  it('ends at level III on two signal sources, after the hysteresis, with consistent headcounts', () => {
    const firms = Array.from({ length: 12 }, (_, i) => ({ id: `firm-${i}`, regionCode: '460106', industryCode: i % 2 ? '6110' : '1810' }));
    const { firmMonths, rates } = demoWarningHistory(firms, '2027-05', 20250101);
    for (const f of firmMonths) {
      const reductions = f.reductions.natural + f.reductions.dismissal + f.reductions.economic_layoff;
      expect(f.headcount).toBe(f.previousHeadcount + f.additions - reductions);
    }
    const rows = computeIndicators({
      firms: firmMonths.map((f) => ({ ...f, firmId: f.employerId, region: f.regionCode, industry: f.industryCode })),
      layoffs: [], claims: [], market: [], firmStatus: [],
      rates: rates.map((r) => ({ region: '460106', ...r })),
    }).filter((r) => r.industry === ALL_INDUSTRIES).sort((a, b) => a.month.localeCompare(b.month));
    expect(rows).toHaveLength(24);
    const levels = rows.map((r) => regionLevelOn('460106', r.month, r.values, DEFAULT_BOOK));
    const raw = levels.map((l) => l.severity as Severity);
    const published = publishedSeverities(raw, hysteresisOn('460106', '2027-05', DEFAULT_BOOK));
    expect({ raw: raw.slice(-3), values: rows.slice(-3).map((r) => r.values) }).toMatchObject({ raw: [2, 2, 2] });
    expect(published.slice(-3)).toEqual([1, 2, 2]);
    expect(published.slice(0, 21).every((s) => s <= 1)).toBe(true);
    expect(levels[23].drivers).toEqual(expect.arrayContaining(['jobLossRate', 'registeredRate']));
  });
});
