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
  misses: { id: string; address: string; expected: string; got: string; kind: 'county' | 'township' }[];
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
  let countyCorrect = 0;
  let townshipRows = 0;
  let townshipCorrect = 0;
  for (const row of scored) {
    const answer = await geocoder.geocode(row.address);
    const kind = answer?.precision ?? 'none';
    precision[kind] = (precision[kind] ?? 0) + 1;
    const got = answer ? `${answer.regionCode}/${answer.townshipCode ?? '-'} ${answer.matched ?? ''}`.trim() : 'null';
    if (countyMatches(row.countyCode, answer?.regionCode)) countyCorrect++;
    else misses.push({ id: row.id, address: row.address, expected: `${row.countyCode} ${row.countyName}`, got, kind: 'county' });
    if (row.townshipCode) {
      townshipRows++;
      if (answer?.townshipCode === row.townshipCode) townshipCorrect++;
      else if (countyMatches(row.countyCode, answer?.regionCode)) {
        misses.push({ id: row.id, address: row.address, expected: `${row.townshipCode} ${row.townshipName}`, got, kind: 'township' });
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
  return {
    rows: set.length,
    scored: scored.length,
    excludedUncertain: set.length - scored.length,
    countyCorrect,
    countyAccuracy: ratio(countyCorrect, scored.length),
    townshipRows,
    townshipCorrect,
    townshipAccuracy: ratio(townshipCorrect, townshipRows),
    precision,
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
 * line with the accuracy figures, one with the throughput (addresses per second), and the first 20 misses on stderr.
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
  for (const miss of misses.slice(0, 20)) {
    console.error(`GEO miss ${miss.kind} ${miss.id}: ${miss.address} — expected ${miss.expected}, got ${miss.got}`);
  }
  report(
    await measureAsync('GEO', tier, seed, set.length, 'addresses/s', 5, async () => {
      for (const row of set) await geocoder.geocode(row.address);
    }),
  );
}
