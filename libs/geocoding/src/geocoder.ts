import { LocationPrecision } from './location-precision';

/** What a geocoder found for an address. Coordinates are WGS-84. */
export interface GeocodeResult {
  lat: number;
  lng: number;
  precision: LocationPrecision;
  /**
   * The 6-digit county-level code (a district of 海口/三亚/三沙, a county or county-level city, 儋州 460400), or
   * a prefecture-level city's code (460100, 460200, 460300) when the address names nothing below the city.
   * 洋浦 answers 460400 (儋州) here, its NBS county; `platformRegionCode` carries the platform's own 460400499.
   */
  regionCode: string;
  /** The region code the platform files records under: `regionCode`, except 洋浦 (460400499). */
  platformRegionCode: string;
  /** e.g. 秀英区 */
  regionName: string;
  /** 9-digit NBS 2023 township code, or null when the address names no township the gazetteer knows. */
  townshipCode: string | null;
  townshipName: string | null;
  /** The part of the (normalised) address that located it, e.g. '秀英区长流镇'. */
  matched: string;
  /** Human-readable place, e.g. '海口市秀英区长流镇'. */
  label: string;
  /** Which geocoder answered: 'offline' (built-in gazetteer) or an online service's name. */
  source: string;
}

/**
 * The geocoding port. Adapters: the built-in offline gazetteer (default, `createOfflineGeocoder`) and an
 * online web service (`AmapGeocoder`). `null` means the address could not be placed in Hainan.
 */
export interface Geocoder {
  /** Callers always `await` the answer; the offline adapter answers synchronously, online ones with a promise. */
  geocode(address: string): GeocodeResult | null | Promise<GeocodeResult | null>;
}

/** Nest injection token for the configured `Geocoder`. */
export const GEOCODER = Symbol('GEOCODER');
