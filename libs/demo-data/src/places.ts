import { Taxonomy } from '@app/taxonomy';
import { LatLng } from './geo';
import { WeightedTable } from './prng';
import { ParkKey } from './types';

/** A place people live and firms sit in: a district of 海口/三亚, or a county-level unit, or 洋浦. */
export interface Place {
  /** The county-level unit (a code of Taxonomy.counties()): what records carry as regionCode. */
  countyCode: string;
  /** The district or county code the townships hang under. */
  code: string;
  /** 6 digits, for ID numbers and credit codes. */
  idRegionCode: string;
  /** e.g. 海口市龙华区, 琼海市, 洋浦经济开发区. */
  fullName: string;
  center: LatLng;
  /** Residents, in 10,000s. */
  population: number;
  /** Relative number of employers. */
  employerWeight: number;
  townships: string[];
}

export interface ParkInfo {
  key: ParkKey;
  name: string;
  /** The county-level unit. */
  regionCode: string;
  /** The district or county the park lies in. */
  placeCode: string;
  /** Approximate centre (WGS-84). */
  center: LatLng;
}

/** The plan's key parks. Centres are approximate, placed for synthetic data only. */
export const KEY_PARKS: readonly ParkInfo[] = [
  { key: 'yangpu', name: '洋浦经济开发区', regionCode: '460400499', placeCode: '460400499', center: { lat: 19.74, lng: 109.19 } },
  { key: 'jiangdong', name: '江东新区', regionCode: '460100', placeCode: '460108', center: { lat: 20.0, lng: 110.48 } },
  { key: 'yazhou_bay', name: '崖州湾科技城', regionCode: '460200', placeCode: '460205', center: { lat: 18.34, lng: 109.18 } },
  { key: 'boao_lecheng', name: '博鳌乐城国际医疗旅游先行区', regionCode: '469002', placeCode: '469002', center: { lat: 19.18, lng: 110.55 } },
  { key: 'wenchang_space', name: '文昌国际航天城', regionCode: '469005', placeCode: '469005', center: { lat: 19.62, lng: 110.93 } },
];

/**
 * Residents in 10,000s, rounded from the 2020 census (districts estimated); 洋浦 split off 儋州 by estimate.
 * Only relative sizes matter here.
 */
const POPULATION: Record<string, number> = {
  '460105': 46.8, '460106': 80.4, '460107': 55.6, '460108': 104.5,
  '460202': 13.9, '460203': 44.6, '460204': 31.6, '460205': 13.0,
  '460400': 86.4, '460400499': 9.0, '460300': 0.2,
  '469001': 11.2, '469002': 52.9, '469005': 56.0, '469006': 54.5, '469007': 44.4, '469021': 28.5, '469022': 25.2,
  '469023': 49.8, '469024': 42.0, '469025': 16.7, '469026': 23.2, '469027': 46.5, '469028': 37.4, '469029': 15.5,
  '469030': 17.4,
};

/** Firms per resident relative to the province: the two big cities and the free-trade zones host more. */
const ECONOMIC_FACTOR: Record<string, number> = {
  '460100': 1.6, '460200': 1.5, '460400499': 5, '460400': 1.0, '469002': 1.1, '469005': 1.1, '469006': 1.0, '469023': 1.2,
};

/** Statistical units that are not places people would write in an address. */
const NOT_AN_ADDRESS = /直辖|学院|管理局|分局|公司|盐场|岛礁/;

/** 三亚's districts have no townships in the statistics (villages report directly); use their 社区 areas. */
const AREAS_WITHOUT_TOWNSHIPS: Record<string, string[]> = {
  '460202': ['海棠湾社区', '林旺社区', '藤桥社区'],
  '460203': ['月川社区', '红沙社区', '田独社区', '荔枝沟社区'],
  '460204': ['凤凰社区', '育才社区', '三亚湾社区', '天涯社区'],
  '460205': ['崖城社区', '南滨社区', '保港社区'],
};

export class Places {
  /** Every place on the main island and 洋浦, largest first (三沙 excluded: hardly anyone lives or hires there). */
  readonly all: readonly Place[];
  readonly byCode: ReadonlyMap<string, Place>;
  /** 三沙, kept apart for its one employment station. */
  readonly sansha: Place;
  readonly forResidents: WeightedTable<Place>;
  readonly forEmployers: WeightedTable<Place>;

  constructor(taxonomy: Taxonomy) {
    const places: Place[] = [];
    let sansha: Place | undefined;
    for (const county of taxonomy.counties()) {
      const districts = taxonomy.regionChildren(county.code).filter((r) => r.kind === 'district');
      const units = county.code === '460300' || districts.length === 0 ? [county] : districts;
      for (const unit of units) {
        const center = unit.center ?? county.center;
        if (!center) throw new Error(`No coordinates for ${unit.code} ${unit.name}`);
        const place: Place = {
          countyCode: county.code,
          code: unit.code,
          // 洋浦 has a 9-digit statistical code; its residents' ID numbers and firms' codes use 儋州's.
          idRegionCode: unit.code.length === 6 ? unit.code : '460400',
          fullName: unit === county ? county.name : county.name + unit.name,
          center: { lat: center.lat, lng: center.lng },
          population: POPULATION[unit.code] ?? 10,
          employerWeight: (POPULATION[unit.code] ?? 10) * (ECONOMIC_FACTOR[county.code] ?? 0.7),
          townships: taxonomy.townships(unit.code).map((t) => t.name).filter((name) => !NOT_AN_ADDRESS.test(name)),
        };
        if (place.townships.length === 0) place.townships = AREAS_WITHOUT_TOWNSHIPS[unit.code] ?? [unit.name];
        if (county.code === '460300') sansha = place;
        else places.push(place);
      }
    }
    if (!sansha) throw new Error('三沙 missing from the taxonomy');
    places.sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
    this.all = places;
    this.sansha = sansha;
    this.byCode = new Map([...places, sansha].map((p) => [p.code, p]));
    this.forResidents = new WeightedTable(places, places.map((p) => p.population));
    this.forEmployers = new WeightedTable(places, places.map((p) => p.employerWeight));
  }

  place(code: string): Place {
    const place = this.byCode.get(code);
    if (!place) throw new Error(`Unknown place ${code}`);
    return place;
  }

  /** Places of one county-level unit. */
  inCounty(countyCode: string): Place[] {
    return this.all.filter((p) => p.countyCode === countyCode);
  }
}

export function parkInfo(key: ParkKey): ParkInfo {
  const park = KEY_PARKS.find((p) => p.key === key);
  if (!park) throw new Error(`Unknown park ${key}`);
  return park;
}
