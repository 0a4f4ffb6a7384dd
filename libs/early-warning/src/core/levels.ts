import { entryOn } from './parameters';
import { Bands, forRegion, Hysteresis, INDICATOR_SOURCE, IndicatorCode, RegionThresholds, SINGLE_LAYOFF_INDICATORS, WarningBook } from './parameter-book';
import { Severity, SignalSource } from './types';

/** The severity one value reaches on its bands (0 when under every threshold or not a number). */
export function indicatorSeverity(value: number | undefined, bands: Bands | undefined): Severity {
  if (value === undefined || !Number.isFinite(value) || !bands) return 0;
  let severity: Severity = 0;
  bands.thresholds.forEach((threshold, k) => {
    if (threshold !== null && (bands.below ? value < threshold : value >= threshold)) severity = (k + 1) as Severity;
  });
  return severity;
}

export interface RegionLevel {
  severity: Severity;
  /** The worst severity of any single indicator (what the region would take without the two-signal rule). */
  worst: Severity;
  byIndicator: Partial<Record<IndicatorCode, Severity>>;
  /** The indicators that carry the region's severity. */
  drivers: IndicatorCode[];
  /** The level was held down because only one signal source reached the worst level. */
  heldBySingleSignal: boolean;
}

/**
 * A region takes its worst indicator, except that level III and above need indicators from two signal sources at
 * that level, unless a single large layoff (one employer's layoff: `largestLayoff`, `largeFirmLayoff`) reaches it on its own.
 */
export function regionLevel(values: Partial<Record<IndicatorCode, number>>, thresholds: RegionThresholds): RegionLevel {
  const byIndicator: Partial<Record<IndicatorCode, Severity>> = {};
  let worst: Severity = 0;
  for (const code of Object.keys(values) as IndicatorCode[]) {
    const s = indicatorSeverity(values[code], thresholds.indicators[code]);
    byIndicator[code] = s;
    if (s > worst) worst = s;
  }
  const atLeast = (level: number) => (Object.keys(byIndicator) as IndicatorCode[]).filter((c) => byIndicator[c]! >= level);
  let severity: Severity = 0;
  for (let level = worst; level >= 1; level--) {
    const codes = atLeast(level);
    const sources = new Set<SignalSource>(codes.map((c) => INDICATOR_SOURCE[c]));
    if (level <= 1 || sources.size >= 2 || codes.some((c) => SINGLE_LAYOFF_INDICATORS.includes(c))) {
      severity = level as Severity;
      break;
    }
  }
  const drivers = severity === 0 ? [] : atLeast(severity);
  return { severity, worst, byIndicator, drivers, heldBySingleSignal: severity < worst && worst >= 2 };
}

/** `regionLevel` with the thresholds in force for the region in that month. */
export function regionLevelOn(region: string, month: string, values: Partial<Record<IndicatorCode, number>>, book: WarningBook): RegionLevel {
  const entry = entryOn(forRegion(book.thresholds, region), `${month}-01`);
  if (!entry) throw new Error(`no warning thresholds for region ${region} in ${month}`);
  return regionLevel(values, entry.value);
}

export interface HysteresisState {
  /** The published severity. */
  severity: Severity;
  /** Periods the published severity has held, this one included. */
  held: number;
  /** Consecutive periods whose raw severity reached at least each level (index 1..4). */
  streak: [number, number, number, number, number];
  /** Raw severities of the latest periods, newest last (as many as `offAfter` needs). */
  recent: Severity[];
}

export const INITIAL_STATE: HysteresisState = { severity: 0, held: 0, streak: [0, 0, 0, 0, 0], recent: [] };

/**
 * One period of the on/off rule (after the US Extended Benefits triggers, 20 CFR 615): the alert rises to the
 * highest level reached for `onAfter` consecutive periods; it is lowered only after `offAfter` consecutive periods
 * under its level and once it has held `minDuration` periods, and then to the level held throughout those periods.
 */
export function stepHysteresis(state: HysteresisState, raw: Severity, h: Hysteresis): HysteresisState {
  const streak = state.streak.map((n, level) => (level > 0 && raw >= level ? n + 1 : 0)) as HysteresisState['streak'];
  const recent = [...state.recent, raw].slice(-Math.max(h.offAfter, 1));
  let risen = state.severity;
  for (let level = 4; level > state.severity; level--) {
    if (streak[level] >= h.onAfter) {
      risen = level as Severity;
      break;
    }
  }
  if (risen > state.severity) return { severity: risen, held: 1, streak, recent };
  const held = state.held + 1;
  const clear = recent.length >= h.offAfter && recent.every((s) => s < state.severity);
  if (state.severity > 0 && clear && held > h.minDuration) {
    return { severity: Math.max(...recent) as Severity, held: 1, streak, recent };
  }
  return { severity: state.severity, held, streak, recent };
}

/** The published severities for a series of raw severities, one per period. */
export function publishedSeverities(raw: readonly Severity[], h: Hysteresis, start: HysteresisState = INITIAL_STATE): Severity[] {
  const out: Severity[] = [];
  let state = start;
  for (const r of raw) {
    state = stepHysteresis(state, r, h);
    out.push(state.severity);
  }
  return out;
}

/** The hysteresis parameters in force for a region in a month. */
export function hysteresisOn(region: string, month: string, book: WarningBook): Hysteresis {
  const entry = entryOn(forRegion(book.hysteresis, region), `${month}-01`);
  if (!entry) throw new Error(`no hysteresis parameters for region ${region} in ${month}`);
  return entry.value;
}
