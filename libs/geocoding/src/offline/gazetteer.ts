import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GeoPoint, Region, Taxonomy, Township, YANGPU_CODE } from '@app/taxonomy';

/** A place name the parser looks for, and what it stands for. */
export interface NameEntry {
  text: string;
  /** `strong`: a full official name or an unambiguous alias; `weak`: a short form that also occurs in other words. */
  strength: 'strong' | 'weak';
  targets: NameTarget[];
}

export type NameTarget =
  | { kind: 'city'; code: string }
  | { kind: 'county'; code: string }
  | { kind: 'township'; code: string; countyCode: string }
  | { kind: 'place'; countyCode: string; townshipCode: string | null };

/** A county-level unit (or prefecture-level city) the geocoder can answer with. */
export interface GazetteerRegion {
  code: string;
  name: string;
  /** 海口市, 三亚市, 三沙市 for their districts; null for county-level units directly under the province. */
  cityName: string | null;
  cityCode: string | null;
  point: GeoPoint;
}

export interface GazetteerTownship {
  code: string;
  name: string;
  countyCode: string;
  /** A point of the township itself, when a source gives one; otherwise the geocoder falls back to its county. */
  point: GeoPoint | null;
}

/**
 * A short name that stands for a county-level unit only as an address's leading area prefix, followed by a
 * separator (the listing sites' «区域-板块-地址» form: ` 河东-迎宾路-…`); inside a text it is a road or village.
 */
export interface LeadingAlias {
  name: string;
  regionCode: string;
}

export interface Gazetteer {
  names: NameEntry[];
  leadingAliases: LeadingAlias[];
  regions: Map<string, GazetteerRegion>;
  townships: Map<string, GazetteerTownship>;
}

interface PlacesFile {
  regionAliases: { name: string; regionCode: string }[];
  leadingAliases?: { name: string; regionCode: string }[];
  townshipAliases: { name: string; townshipCode: string }[];
  places: { names: string[]; regionCode: string; townshipCode: string | null }[];
}

const DATA_SUBDIR = join('libs', 'geocoding', 'data');

/** The shipped data folder, found by walking up from this file (works from the sources and from `dist/`). */
export function findGeocodingDataDir(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, DATA_SUBDIR);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`Geocoding data not found: no ${DATA_SUBDIR} in ${start} or above`);
  }
}

const PREFECTURE_CITIES = new Set(['460100', '460200', '460300']);
/** 洋浦's NBS county is 儋州; the platform files it as its own region. */
const YANGPU_COUNTY = '460400';

/** Short forms of a county-level name: 陵水黎族自治县 → 陵水; 秀英区 → 秀英; 琼海市 → 琼海. */
function countyVariants(name: string): { strong: string[]; weak: string[] } {
  const autonomous = /^(.+?)(黎族苗族|黎族)自治县$/.exec(name);
  if (autonomous) {
    const base = autonomous[1];
    return { strong: [name, `${base}县`, `${base}自治县`, `${base}${autonomous[2]}县`], weak: [base] };
  }
  const base = name.slice(0, -1);
  return { strong: [name], weak: base.length >= 2 ? [base] : [] };
}

/** Short forms of a township name: 长流镇 → 长流; 国营金安农场 → 金安农场. Road-like short forms are skipped. */
function townshipVariants(name: string): { strong: string[]; weak: string[] } {
  const clean = name.replace(/[（(）)]/g, '');
  const strong = [clean];
  const weak: string[] = [];
  const unprefixed = clean.replace(/^(地方)?国营/, '');
  if (unprefixed !== clean && unprefixed.length >= 3) strong.push(unprefixed);
  const base = /^(.+?)(镇|乡|街道)$/.exec(clean)?.[1];
  if (base && base.length >= 2 && !/[路街]$/.test(base)) weak.push(base);
  return { strong, weak };
}

function regionPoint(region: Region, taxonomy: Taxonomy): GeoPoint {
  if (region.center) return region.center;
  const parent = region.parentCode ? taxonomy.region(region.parentCode) : undefined;
  if (parent?.center) return parent.center;
  throw new Error(`Region ${region.code} has no point`);
}

/** Builds the name index from the taxonomy (NBS divisions and townships) and `hainan-places.json`. Sync. */
export function buildGazetteer(taxonomy: Taxonomy = Taxonomy.shared(), dataDir: string = findGeocodingDataDir()): Gazetteer {
  const places = JSON.parse(readFileSync(join(dataDir, 'hainan-places.json'), 'utf8')) as PlacesFile;
  const regions = new Map<string, GazetteerRegion>();
  const townships = new Map<string, GazetteerTownship>();
  const byText = new Map<string, NameEntry>();
  const add = (text: string, strength: NameEntry['strength'], target: NameTarget) => {
    const key = text;
    let entry = byText.get(key);
    if (!entry) byText.set(key, (entry = { text, strength, targets: [] }));
    else if (strength === 'strong' && entry.strength === 'weak') entry.strength = 'strong';
    if (!entry.targets.some((t) => JSON.stringify(t) === JSON.stringify(target))) entry.targets.push(target);
  };

  for (const region of taxonomy.counties().concat(taxonomy.regionChildren('460100'), taxonomy.regionChildren('460200'), taxonomy.regionChildren('460300'))) {
    if (region.code === YANGPU_CODE) continue;
    const parent = region.kind === 'district' ? taxonomy.region(region.parentCode ?? '') : undefined;
    regions.set(region.code, {
      code: region.code,
      name: region.name,
      cityName: parent?.name ?? null,
      cityCode: parent?.code ?? null,
      point: regionPoint(region, taxonomy),
    });
    if (PREFECTURE_CITIES.has(region.code)) {
      add(region.name, 'strong', { kind: 'city', code: region.code });
      add(region.name.slice(0, -1), 'weak', { kind: 'city', code: region.code });
      continue;
    }
    const { strong, weak } = countyVariants(region.name);
    strong.forEach((text) => add(text, 'strong', { kind: 'county', code: region.code }));
    weak.forEach((text) => add(text, 'weak', { kind: 'county', code: region.code }));
  }
  for (const alias of places.regionAliases) add(alias.name, 'strong', { kind: 'county', code: alias.regionCode });
  const leadingAliases = (places.leadingAliases ?? []).map(({ name, regionCode }) => {
    if (!regions.has(regionCode)) throw new Error(`hainan-places.json: unknown region ${regionCode}`);
    return { name, regionCode };
  });

  const yangpu = taxonomy.region(YANGPU_CODE);
  for (const township of taxonomy.townships() as Township[]) {
    if (township.name.endsWith('直辖村级区划')) continue;
    const countyCode = township.code === YANGPU_CODE ? YANGPU_COUNTY : township.countyCode;
    const point = township.code === YANGPU_CODE && yangpu?.center ? yangpu.center : null;
    townships.set(township.code, { code: township.code, name: township.name, countyCode, point });
    // 三沙's bare island-group names (永兴, 永乐) would match 秀英区永兴镇 and the like: only their aliases count.
    if (countyCode.startsWith('4603') && !/[岛屿礁]$/.test(township.name)) continue;
    const { strong, weak } = townshipVariants(township.name);
    const target: NameTarget = { kind: 'township', code: township.code, countyCode };
    strong.forEach((text) => add(text, 'strong', target));
    weak.forEach((text) => add(text, 'weak', target));
  }
  for (const alias of places.townshipAliases) {
    const township = townships.get(alias.townshipCode);
    if (!township) throw new Error(`hainan-places.json: unknown township ${alias.townshipCode}`);
    add(alias.name, 'strong', { kind: 'township', code: township.code, countyCode: township.countyCode });
  }
  for (const place of places.places) {
    if (!regions.has(place.regionCode)) throw new Error(`hainan-places.json: unknown region ${place.regionCode}`);
    if (place.townshipCode && !townships.has(place.townshipCode)) {
      throw new Error(`hainan-places.json: unknown township ${place.townshipCode}`);
    }
    for (const name of place.names) {
      add(name, 'strong', { kind: 'place', countyCode: place.regionCode, townshipCode: place.townshipCode });
    }
  }
  return { names: [...byText.values()], leadingAliases, regions, townships };
}
