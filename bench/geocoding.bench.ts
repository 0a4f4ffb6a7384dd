import * as geocoding from '@app/geocoding';
import { EvalAddress, loadEvalSet } from './geocoding-eval-set';
import { measureAsync, report } from './measure';

/** What the bench needs of a geocoder's answer (a subset of `GeocodeResult` in libs/geocoding). */
interface GeocodeAnswer {
  precision: string;
  regionCode: string;
  townshipCode: string | null;
  townshipName?: string | null;
  matched?: string;
}
interface AnyGeocoder {
  geocode(address: string): GeocodeAnswer | null | Promise<GeocodeAnswer | null>;
}

export interface GeocodingEvalFigures {
  rows: number;
  scored: number;
  excludedUncertain: number;
  countyCorrect: number;
  countyAccuracy: number;
  townshipRows: number;
  townshipCorrect: number;
  townshipAccuracy: number;
  precision: Record<string, number>;
  /** The same county and township figures for each `source_kind` of the set (enterprise registration, station…). */
  bySourceKind: Record<string, KindFigures>;
  misses: { id: string; address: string; expected: string; got: string; kind: 'county' | 'township'; sourceKind: string }[];
}

export interface KindFigures {
  scored: number;
  countyCorrect: number;
  countyAccuracy: number;
  townshipRows: number;
  townshipCorrect: number;
  townshipAccuracy: number;
}

/** 海口/三亚 labels (the address names only the city): any of the city's districts, or the city itself, counts. */
export function countyMatches(expected: string, got: string | undefined): boolean {
  if (!got) return false;
  if (expected === '460100' || expected === '460200') return got.slice(0, 4) === expected.slice(0, 4);
  return got === expected;
}

/**
 * Scores a geocoder on the labelled set: county accuracy over every scored row, township accuracy over the rows
 * that name a township, coverage by precision, and the misses. Rows marked uncertain are left out of the scores.
 * A county counts as found when the answer's region code is the labelled county (for 儋州 and 洋浦, 460400; for a
 * city-level label, see `countyMatches`).
 */
export async function scoreGeocoder(geocoder: AnyGeocoder, set: EvalAddress[]): Promise<GeocodingEvalFigures> {
  const scored = set.filter((row) => !row.uncertain);
  const precision: Record<string, number> = {};
  const misses: GeocodingEvalFigures['misses'] = [];
  const total = { scored: 0, countyCorrect: 0, townshipRows: 0, townshipCorrect: 0 };
  const perKind = new Map<string, typeof total>();
  for (const row of scored) {
    const answer = await geocoder.geocode(row.address);
    const kind = answer?.precision ?? 'none';
    precision[kind] = (precision[kind] ?? 0) + 1;
    const sourceKind = row.sourceKind || 'unknown';
    const ofKind = perKind.get(sourceKind) ?? { scored: 0, countyCorrect: 0, townshipRows: 0, townshipCorrect: 0 };
    perKind.set(sourceKind, ofKind);
    const counts = [total, ofKind];
    const add = (field: keyof typeof total) => counts.forEach((c) => c[field]++);
    add('scored');
    const got = answer ? `${answer.regionCode}/${answer.townshipCode ?? '-'} ${answer.matched ?? ''}`.trim() : 'null';
    const countyFound = countyMatches(row.countyCode, answer?.regionCode);
    if (countyFound) add('countyCorrect');
    else misses.push({ id: row.id, address: row.address, expected: `${row.countyCode} ${row.countyName}`, got, kind: 'county', sourceKind });
    if (row.townshipCode) {
      add('townshipRows');
      if (answer?.townshipCode === row.townshipCode) add('townshipCorrect');
      else if (countyFound) {
        misses.push({ id: row.id, address: row.address, expected: `${row.townshipCode} ${row.townshipName}`, got, kind: 'township', sourceKind });
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
  const figures = (c: typeof total): KindFigures => ({
    scored: c.scored,
    countyCorrect: c.countyCorrect,
    countyAccuracy: ratio(c.countyCorrect, c.scored),
    townshipRows: c.townshipRows,
    townshipCorrect: c.townshipCorrect,
    townshipAccuracy: ratio(c.townshipCorrect, c.townshipRows),
  });
  return {
    rows: set.length,
    excludedUncertain: set.length - scored.length,
    ...figures(total),
    precision,
    bySourceKind: Object.fromEntries([...perKind].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, figures(c)])),
    misses,
  };
}

/** The offline geocoder from libs/geocoding, or undefined while that library does not export it yet. */
function offlineGeocoder(): AnyGeocoder | undefined {
  const factory = (geocoding as Record<string, unknown>).createOfflineGeocoder;
  return typeof factory === 'function' ? (factory as () => AnyGeocoder)() : undefined;
}

/**
 * GEO: the offline geocoder on the labelled set of real Hainan addresses (libs/geocoding/data/eval). Prints one JSON
 * line with the accuracy figures (overall and per source kind), one with the throughput (addresses per second), and
 * every miss on stderr.
 */
export async function benchGeocoding(tier: string, seed: number): Promise<void> {
  const set = loadEvalSet();
  const geocoder = offlineGeocoder();
  if (!geocoder) {
    console.log(JSON.stringify({ id: 'GEO', error: 'libs/geocoding exports no createOfflineGeocoder yet', rows: set.length }));
    return;
  }
  const figures = await scoreGeocoder(geocoder, set);
  const { misses, ...summary } = figures;
  console.log(JSON.stringify({ id: 'GEO', ...summary, misses: misses.length }));
  for (const miss of misses) {
    console.error(`GEO miss ${miss.kind} ${miss.id} (${miss.sourceKind}): ${miss.address} — expected ${miss.expected}, got ${miss.got}`);
  }
  report(
    await measureAsync('GEO', tier, seed, set.length, 'addresses/s', 5, async () => {
      for (const row of set) await geocoder.geocode(row.address);
    }),
  );
}
