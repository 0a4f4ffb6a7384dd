import { readCsv, readJson } from './data-dir';
import { GeoPoint, Region, RegionKind, Township } from './taxonomy.types';

interface RawUnit {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  pinyin: string | null;
  /** [lng, lat] */
  center_wgs84: [number, number] | null;
}

export const HAINAN_PROVINCE_CODE = '460000';
export const YANGPU_CODE = '460400499';

const KINDS: Record<string, RegionKind> = {
  province: 'province',
  prefecture_city: 'city',
  'prefecture_city (no districts)': 'city',
  county_level_city: 'city',
  county: 'county',
  autonomous_county: 'county',
  district: 'district',
  economic_development_zone: 'zone',
};

/**
 * No source has coordinates for 洋浦经济开发区, so this is an approximate WGS-84 point in the 洋浦 port area
 * (about 19.74N 109.19E), good enough for distances between places; geocode it if precision matters.
 */
const YANGPU_CENTER: GeoPoint = { lat: 19.74, lng: 109.19 };

export function loadRegions(dataDir: string): Region[] {
  const units = readJson<{ units: RawUnit[] }>(dataDir, 'hainan/hainan-divisions.json').units;
  return units.map((u) => {
    const kind = KINDS[u.kind];
    if (!kind) throw new Error(`Unknown region kind "${u.kind}" for ${u.code}`);
    const center = u.center_wgs84 ? { lat: u.center_wgs84[1], lng: u.center_wgs84[0] } : null;
    return {
      code: u.code,
      name: u.name,
      kind,
      // NBS files 洋浦 under 儋州 (460400499 is a township-level statistical code); the platform treats it as
      // a peer of the 19 city/county-level units, so its records never roll up into 儋州.
      parentCode: u.code === YANGPU_CODE ? HAINAN_PROVINCE_CODE : u.parent,
      ...(u.pinyin ? { pinyin: u.pinyin } : {}),
      center: u.code === YANGPU_CODE ? (center ?? YANGPU_CENTER) : center,
    };
  });
}

/**
 * NBS codes 三沙's island groups as 460321–460323; the region data uses the MCA districts created in 2020:
 * 西沙区 governs the 西沙 and 中沙 islands, 南沙区 the 南沙 islands.
 */
const SANSHA_NBS_TO_DISTRICT: Record<string, string> = { '460321': '460301', '460322': '460302', '460323': '460301' };

/** The 243 NBS 2023 township-level units. 洋浦's own row belongs to 洋浦 (see above), not to 儋州. */
export function loadTownships(dataDir: string): Township[] {
  return readCsv(dataDir, 'hainan/hainan-townships-nbs2023.csv').map((row) => ({
    code: row.code,
    name: row.name,
    countyCode: row.code === YANGPU_CODE ? YANGPU_CODE : (SANSHA_NBS_TO_DISTRICT[row.county_code] ?? row.county_code),
  }));
}
