import { gcj02ToWgs84 } from '../coordinates';
import { GeocodeResult, Geocoder } from '../geocoder';
import { LocationPrecision } from '../location-precision';
import { normalizeAddress } from '../offline/address-text';
import { OfflineGeocoder } from '../offline/offline-geocoder';
import { LruCache } from './lru-cache';

export interface AmapGeocoderOptions {
  url: string;
  key: string;
  timeoutMs: number;
  /** Answers kept in memory (per process), keyed by the normalised address; 0 disables the cache. */
  cacheSize: number;
}

/** 高德 `level` → how precise the point is. Anything not listed (国家, 省, 未知) is not a usable location. */
const LEVELS: Record<string, LocationPrecision> = {
  门牌号: 'point', 门址: 'point', 单元号: 'point', 楼层: 'point', 房间: 'point', 兴趣点: 'point', 住宅区: 'point', 小巷: 'point',
  道路交叉路口: 'point', 道路: 'point', 公交地铁站点: 'point', '公交站台、地铁站': 'point', 村庄: 'point',
  乡镇: 'township', 开发区: 'township', 热点商圈: 'township',
  区县: 'district',
  市: 'city',
};
const PREFECTURE_CITIES = new Set(['460100', '460200', '460300']);

interface AmapAnswer {
  status?: string;
  info?: string;
  geocodes?: { formatted_address?: string; adcode?: string; location?: string; level?: string }[];
}

/** The online service failed (network, timeout, quota, bad key): callers fall back to the offline gazetteer. */
export class GeocodingServiceError extends Error {}

/**
 * The 高德 (AMap) web service geocoder (`/v3/geocode/geo`), limited to 海南. 高德 answers in **GCJ-02**; the
 * point is converted to WGS-84 here (`gcj02ToWgs84`), so nothing outside this adapter ever sees GCJ-02.
 * The township is read from 高德's formatted address with the offline gazetteer (高德 gives no township code).
 * Answers (including "not found") are cached in an in-memory LRU (`AmapGeocoderOptions.cacheSize`).
 */
export class AmapGeocoder implements Geocoder {
  private readonly cache: LruCache<string, GeocodeResult | null>;

  constructor(
    private readonly options: AmapGeocoderOptions,
    private readonly offline: OfflineGeocoder,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.cache = new LruCache(options.cacheSize);
  }

  /** For tests and the health of the cache: how many answers are held. */
  get cachedAnswers(): number {
    return this.cache.size;
  }

  async geocode(address: string): Promise<GeocodeResult | null> {
    const key = normalizeAddress(address ?? '');
    if (!key) return null;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const answer = await this.request(address);
    const result = this.toResult(answer);
    this.cache.set(key, result);
    return result;
  }

  private async request(address: string): Promise<AmapAnswer> {
    const url = new URL(this.options.url);
    url.searchParams.set('key', this.options.key);
    // 高德's `city` takes a city, not a province; the province in the text keeps the search in Hainan instead.
    url.searchParams.set('address', /海南/.test(address) ? address : `海南省${address}`);
    url.searchParams.set('output', 'JSON');
    let response: Response;
    try {
      response = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      throw new GeocodingServiceError(`高德 geocoding unreachable: ${(error as Error).message}`);
    }
    if (!response.ok) throw new GeocodingServiceError(`高德 geocoding answered HTTP ${response.status}`);
    const body = (await response.json()) as AmapAnswer;
    if (body.status !== '1') throw new GeocodingServiceError(`高德 geocoding refused: ${body.info ?? 'unknown error'}`);
    return body;
  }

  private toResult(answer: AmapAnswer): GeocodeResult | null {
    const hit = answer.geocodes?.[0];
    if (!hit?.location || !hit.adcode?.startsWith('46')) return null;
    let precision = LEVELS[hit.level ?? ''];
    if (!precision) return null;
    if (precision === 'city' && !PREFECTURE_CITIES.has(hit.adcode)) precision = 'district';
    const [lng, lat] = hit.location.split(',').map(Number);
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
    const wgs = gcj02ToWgs84({ lng, lat });
    const formatted = hit.formatted_address ?? '';
    const parsed = this.offline.geocode(formatted);
    const sameCounty = parsed?.regionCode === hit.adcode;
    const region = sameCounty ? parsed : this.offline.locateRegion(hit.adcode);
    return {
      lat: wgs.lat,
      lng: wgs.lng,
      precision,
      regionCode: hit.adcode,
      platformRegionCode: sameCounty ? parsed!.platformRegionCode : hit.adcode,
      regionName: region?.regionName ?? '',
      townshipCode: sameCounty ? parsed!.townshipCode : null,
      townshipName: sameCounty ? parsed!.townshipName : null,
      matched: formatted,
      label: (sameCounty ? parsed!.label : region?.label) ?? formatted,
      source: 'amap',
    };
  }
}

/**
 * The configured online geocoder with the offline gazetteer behind it: when the service fails, times out or
 * finds nothing in Hainan, the offline answer is used (a failure is reported through `onError`).
 */
export class FallbackGeocoder implements Geocoder {
  constructor(
    private readonly primary: Geocoder,
    private readonly offline: OfflineGeocoder,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {}

  async geocode(address: string): Promise<GeocodeResult | null> {
    try {
      const answer = await this.primary.geocode(address);
      if (answer) return answer;
    } catch (error) {
      if (!(error instanceof GeocodingServiceError)) throw error;
      this.onError(error);
    }
    return this.offline.geocode(address);
  }
}
