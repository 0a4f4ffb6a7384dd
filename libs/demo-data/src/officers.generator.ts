import { GeneratorContext } from './context';
import { employerDraft } from './employers.generator';
import { distanceKm } from './geo';
import { personName } from './person-names';
import { hash32, Rng } from './prng';
import { Officer, Pairing } from './types';

/**
 * Officers per county-level unit, in proportion to where employers are (largest remainder), with at
 * least one per unit when there are enough officers. Seed-independent; returns one region per officer.
 */
export function officerRegions(ctx: GeneratorContext): string[] {
  const weightByCounty = new Map<string, number>();
  const { places } = ctx.catalog;
  for (const place of places.all) {
    weightByCounty.set(place.countyCode, (weightByCounty.get(place.countyCode) ?? 0) + place.employerWeight);
  }
  const counties = [...weightByCounty.keys()];
  const total = [...weightByCounty.values()].reduce((a, b) => a + b, 0);
  const count = ctx.sizes.officers;
  const base = count >= counties.length ? 1 : 0;
  const rest = count - base * counties.length;
  const quotas = counties.map((code) => ({ code, exact: (rest * weightByCounty.get(code)!) / total }));
  const seats = new Map(quotas.map((q) => [q.code, base + Math.floor(q.exact)]));
  let left = count - [...seats.values()].reduce((a, b) => a + b, 0);
  for (const q of [...quotas].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.code.localeCompare(b.code))) {
    if (left-- <= 0) break;
    seats.set(q.code, seats.get(q.code)! + 1);
  }
  return counties.flatMap((code) => Array<string>(seats.get(code)!).fill(code));
}

export function officerKey(index: number): string {
  return `officer-${String(index + 1).padStart(3, '0')}`;
}

export function generateOfficer(ctx: GeneratorContext, index: number, regions: readonly string[]): Officer {
  const rng = Rng.for(ctx.seed, 'officer', index);
  return {
    key: officerKey(index),
    username: officerKey(index),
    displayName: personName(rng, rng.chance(0.55) ? 'female' : 'male'),
    regionCode: regions[index],
  };
}

/** Builds, once per data set, who an employer in each county is paired with: officers there, or the nearest county's. */
export function officersByCounty(ctx: GeneratorContext, regions: readonly string[]): Map<string, number[]> {
  const own = new Map<string, number[]>();
  regions.forEach((code, index) => own.set(code, [...(own.get(code) ?? []), index]));
  const { taxonomy } = ctx.catalog;
  const center = (code: string) => taxonomy.requireRegion(code).center ?? { lat: 19.2, lng: 109.8 };
  const result = new Map<string, number[]>();
  for (const county of taxonomy.counties()) {
    if (own.has(county.code)) {
      result.set(county.code, own.get(county.code)!);
      continue;
    }
    const nearest = [...own.keys()].reduce((best, code) =>
      distanceKm(center(code), center(county.code)) < distanceKm(center(best), center(county.code)) ? code : best,
    );
    result.set(county.code, own.get(nearest)!);
  }
  return result;
}

/** Employer i's pairing: one officer of its county (spread by a hash), or of the nearest county with officers. */
export function generatePairing(ctx: GeneratorContext, employerIndex: number, byCounty: Map<string, number[]>): Pairing {
  const { employer } = employerDraft(ctx, employerIndex);
  const candidates = byCounty.get(employer.regionCode);
  if (!candidates?.length) throw new Error(`No officer for region ${employer.regionCode}`);
  const officer = candidates[hash32('pairing', ctx.seed, employerIndex) % candidates.length];
  return { key: `pairing-${String(employerIndex + 1).padStart(5, '0')}`, officerKey: officerKey(officer), employerKey: employer.key };
}
