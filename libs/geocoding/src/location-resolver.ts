import { Taxonomy } from '@app/taxonomy';
import { GeocodeResult, Geocoder } from './geocoder';
import { LOCATION_PRECISIONS, LocationPrecision } from './location-precision';
import { OfflineGeocoder } from './offline/offline-geocoder';

/** What a write path knows about where a record is. */
export interface LocationInput {
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  /** The record's region (6-digit county-level code, a district, or 洋浦 460400499). */
  regionCode?: string | null;
  /** A township the user picked (NBS 9-digit code), e.g. to correct the geocoder or as a seeker's home township. */
  townshipCode?: string | null;
}

/**
 * How the location was found: `given` (coordinates typed or dropped as a pin), `township` (picked from the list),
 * `address` (geocoded), `region` (the region's own point: the address named nothing more precise), `none`.
 */
/** What a stored record knows of its place (see `LocationResolver.locateRecord`). */
export interface LocatedRecord {
  address: string | null;
  regionCode: string | null;
  lat: number | null;
  lng: number | null;
  locationPrecision: LocationPrecision | null;
}

export type LocationBasis = 'given' | 'township' | 'address' | 'region' | 'none';

export interface ResolvedLocation {
  lat: number | null;
  lng: number | null;
  locationPrecision: LocationPrecision | null;
  basis: LocationBasis;
  /** e.g. 海口市秀英区长流镇; null when nothing was found. */
  label: string | null;
  townshipCode: string | null;
  townshipName: string | null;
}

export const PRECISION_LABELS: Record<LocationPrecision, string> = {
  point: '精确位置',
  township: '镇街级',
  district: '区县级',
  city: '市级',
};

/** '定位到：海口市秀英区长流镇（区县级）' — how a located record is shown to users. */
export function describeLocation(location: Pick<ResolvedLocation, 'label' | 'locationPrecision' | 'basis'>): string {
  if (!location.locationPrecision) return '未能定位';
  if (location.basis === 'given') return '定位到：填写的经纬度（精确位置）';
  return `定位到：${location.label ?? ''}（${PRECISION_LABELS[location.locationPrecision]}）`;
}

const PRECISION_LABELS_EN: Record<LocationPrecision, string> = { point: 'exact point', township: 'township level', district: 'county level', city: 'city level' };

/** describeLocation in English: 'Located: 海口市秀英区长流镇 (county level)' (the place as the data names it). */
export function describeLocationEn(location: Pick<ResolvedLocation, 'label' | 'locationPrecision' | 'basis'>): string {
  if (!location.locationPrecision) return 'Not located';
  if (location.basis === 'given') return 'Located: the latitude and longitude given (exact point)';
  return `Located: ${location.label ?? ''} (${PRECISION_LABELS_EN[location.locationPrecision]})`;
}

const rank = (precision: LocationPrecision) => LOCATION_PRECISIONS.indexOf(precision);

const NONE: ResolvedLocation = {
  lat: null, lng: null, locationPrecision: null, basis: 'none', label: null, townshipCode: null, townshipName: null,
};

function fromResult(result: GeocodeResult, basis: LocationBasis): ResolvedLocation {
  return {
    lat: result.lat,
    lng: result.lng,
    locationPrecision: result.precision,
    basis,
    label: result.label,
    townshipCode: result.townshipCode,
    townshipName: result.townshipName,
  };
}

/**
 * Decides a record's coordinates and precision from what the user gave, in this order: coordinates (a
 * `point`), a picked township, the geocoded address (kept when it lies in the record's region and is more
 * precise than the region itself; otherwise the address is tried again prefixed with the region's name), and
 * finally the region's own point. Every record with a region therefore gets a location.
 */
export class LocationResolver {
  constructor(
    private readonly geocoder: Geocoder,
    private readonly offline: OfflineGeocoder,
    private readonly taxonomy: Taxonomy = Taxonomy.shared(),
  ) {}

  async resolve(input: LocationInput): Promise<ResolvedLocation> {
    if (isCoordinate(input.lat, -90, 90) && isCoordinate(input.lng, -180, 180)) {
      return { ...NONE, lat: input.lat, lng: input.lng, locationPrecision: 'point', basis: 'given' };
    }
    const regionCode = input.regionCode ?? null;
    if (input.townshipCode) {
      const picked = this.offline.locateTownship(input.townshipCode);
      if (picked && (!regionCode || this.sameCounty(picked.platformRegionCode, regionCode))) return fromResult(picked, 'township');
    }
    const region = regionCode ? this.offline.locateRegion(regionCode) : null;
    const address = input.address?.trim();
    if (address) {
      const direct = await this.geocoder.geocode(address);
      if (direct && this.fits(direct, regionCode, region)) return fromResult(direct, 'address');
      if (region) {
        const prefixed = await this.geocoder.geocode(`${region.label}${address}`);
        if (prefixed && this.fits(prefixed, regionCode, region)) return fromResult(prefixed, 'address');
      }
    }
    return region ? fromResult(region, 'region') : NONE;
  }

  /**
   * The location a record keeps after a write (create when `current` is absent, else an edit), for records that store
   * lat, lng and a precision (stations, employers): coordinates the user gives are a point; an edit that moves the
   * address or region without new coordinates is geocoded again, except that a given point stays; coordinates
   * sent back unchanged keep their precision. `next` holds the record's address and region after the write.
   */
  async locateRecord(
    next: { address: string | null; regionCode: string | null; lat?: number | null; lng?: number | null },
    current?: LocatedRecord,
  ): Promise<Pick<ResolvedLocation, 'lat' | 'lng' | 'locationPrecision'>> {
    const lat = next.lat === undefined ? (current?.lat ?? null) : next.lat;
    const lng = next.lng === undefined ? (current?.lng ?? null) : next.lng;
    let given = { lat, lng };
    if (current) {
      const sameCoordinates = lat === current.lat && lng === current.lng;
      const placeChanged = next.address !== current.address || next.regionCode !== current.regionCode;
      // Coordinates stored without a precision (written by a door that sets none, e.g. the demo loader) are points,
      // as the migration and geo:backfill treat them.
      const precision = current.locationPrecision ?? (current.lat !== null && current.lng !== null ? 'point' : null);
      if (sameCoordinates && precision !== null && (!placeChanged || precision === 'point')) {
        return { lat: current.lat, lng: current.lng, locationPrecision: precision };
      }
      // Coordinates the edit did not touch were a geocode of the old place (or have no precision): locate anew.
      if (sameCoordinates) given = { lat: null, lng: null };
    }
    const found = await this.resolve({ address: next.address, regionCode: next.regionCode, ...given });
    return { lat: found.lat, lng: found.lng, locationPrecision: found.locationPrecision };
  }

  /** In the record's region (same county-level unit) and more precise than the region's own point. */
  private fits(result: GeocodeResult, regionCode: string | null, region: GeocodeResult | null): boolean {
    if (!regionCode || !region) return true;
    if (!this.sameCounty(result.platformRegionCode, regionCode)) return false;
    if (rank(result.precision) < rank(region.precision)) return true;
    // As precise as the region, but it names a township of it (its point is the county's until townships have points).
    return rank(result.precision) === rank(region.precision) && result.townshipCode !== null;
  }

  private sameCounty(a: string, b: string): boolean {
    if (a === b) return true;
    const countyA = this.taxonomy.countyOf(a)?.code;
    return countyA !== undefined && countyA === this.taxonomy.countyOf(b)?.code;
  }
}

function isCoordinate(value: number | null | undefined, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}
