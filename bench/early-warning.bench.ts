import { loadavg } from 'node:os';
import type { Tier } from '@app/demo-data';
import { ALL_INDUSTRIES, computeIndicators, DEFAULT_BOOK, hysteresisOn, publishedSeverities, regionLevelOn, Severity } from '@app/early-warning';
import { syntheticSignals } from '@app/early-warning/testing';
import { measure, report } from './measure';

const REGIONS = 20;
const INDUSTRIES = 20;
const MONTHS = 24;
/** Monitored firms per region and industry: 4,000 firms, above the size of a province's 失业动态监测 sample. */
const FIRMS_PER_CELL = 10;

/**
 * W1 (policy.md 3): indicators for 20 regions × 20 industries × 24 months from the signals (firm reports, weekly
 * claims, market figures, rates, layoff reports with their 90-day sums), then every row's level and each region's
 * published levels through the hysteresis. Target <= 2 s. The tier does not change the size: W1 fixes it.
 */
export function benchEarlyWarningIndicators(tier: Tier, seed: number): void {
  const signals = syntheticSignals({ regions: REGIONS, industries: INDUSTRIES, months: MONTHS, firmsPerCell: FIRMS_PER_CELL, seed });
  let rows = 0;
  let alerts = 0;
  // One warm-up pass: the figure is the steady state of a monthly or on-import run.
  computeIndicators(signals, DEFAULT_BOOK);
  const cpuBefore = process.cpuUsage();
  const result = measure('W1', tier, seed, REGIONS * INDUSTRIES * MONTHS, 'region-industry-months/s', 5, () => {
    const indicators = computeIndicators(signals, DEFAULT_BOOK);
    rows = indicators.length;
    const regionSeries = new Map<string, { month: string; severity: Severity }[]>();
    for (const row of indicators) {
      const level = regionLevelOn(row.region, row.month, row.values, DEFAULT_BOOK);
      if (row.industry !== ALL_INDUSTRIES) continue;
      const list = regionSeries.get(row.region) ?? [];
      list.push({ month: row.month, severity: level.severity });
      regionSeries.set(row.region, list);
    }
    alerts = 0;
    for (const [region, list] of regionSeries) {
      list.sort((a, b) => a.month.localeCompare(b.month));
      const published = publishedSeverities(list.map((x) => x.severity), hysteresisOn(region, list[list.length - 1].month, DEFAULT_BOOK));
      alerts += published.filter((s) => s > 0).length;
    }
  });
  const cpu = process.cpuUsage(cpuBefore);
  // On a shared machine the wall clock counts time spent waiting for a core; CPU time (GC threads included) does not.
  report({
    ...result,
    target: '<= 2000 ms',
    cpu_ms_per_run: Math.round((cpu.user + cpu.system) / 1000 / 5),
    firm_reports: signals.firms.length,
    claims_figures: signals.claims.length,
    layoff_reports: signals.layoffs.length,
    indicator_rows: rows,
    region_months_on_alert: alerts,
    load_1m: Math.round(loadavg()[0] * 100) / 100,
  } as never);
}
