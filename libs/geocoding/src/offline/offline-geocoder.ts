import { GeoPoint } from '@app/taxonomy';
import { GeocodeResult, Geocoder } from '../geocoder';
import { LocationPrecision } from '../location-precision';
import { normalizeAddress } from './address-text';
import { buildGazetteer, Gazetteer, GazetteerRegion, NameEntry, NameTarget } from './gazetteer';

interface Match {
  start: number;
  end: number;
  entry: NameEntry;
}

/** After a short (weak) name, these mean the name is part of a road, village or estate name, not the place. */
const ROAD_AFTER = /^([东西南北中一二三四五六七八九十]{0,2}(路|街|巷|弄|道|大道|大街|桥)|村|社区|小区|花园|公寓|广场)/;

/** Evidence weights per kind of match; a county wins with the highest total. */
const WEIGHT = {
  county: { strong: 10, weak: 4 },
  township: { strong: 8, weak: 3 },
  place: { strong: 6, weak: 6 },
  city: { strong: 2, weak: 1 },
} as const;

/** What may follow a leading area prefix: a dash, slash, bar, middle dot or blank (then more text). */
const LEADING_SEPARATOR = /^[\s\u3000]*[-－—–/|·•\s\u3000]+\S/;

const YANGPU_PLATFORM_CODE = '460400499';
const PREFECTURE_CITIES = new Set(['460100', '460200', '460300']);

/** Every occurrence of a gazetteer name in the text, with names contained in a longer match dropped. */
function findMatches(text: string, byFirstChar: Map<string, NameEntry[]>): Match[] {
  const all: Match[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const entry of byFirstChar.get(text[i]) ?? []) {
      if (text.startsWith(entry.text, i)) all.push({ start: i, end: i + entry.text.length, entry });
    }
  }
  const kept = all.filter(
    (m) =>
      !all.some(
        (o) =>
          o !== m &&
          o.end - o.start > m.end - m.start &&
          (m.entry.strength === 'weak' ? o.start < m.end && m.start < o.end : o.start <= m.start && m.end <= o.end),
      ),
  );
  // A weak short name followed by 路/村/… is a street or village named after the place, not the place.
  return kept.filter((m) => m.entry.strength === 'strong' || !ROAD_AFTER.test(text.slice(m.end)));
}

function countyOfTarget(target: NameTarget): string | null {
  switch (target.kind) {
    case 'county':
      return target.code;
    case 'township':
    case 'place':
      return target.countyCode;
    default:
      return null;
  }
}

/**
 * The built-in offline geocoder: a gazetteer of Hainan's county-level units, NBS townships (镇/乡/街道,
 * 农场, 林场, 开发区), key parks and landmarks. Pure and synchronous; construct with `createOfflineGeocoder()`.
 */
export class OfflineGeocoder implements Geocoder {
  private readonly byFirstChar = new Map<string, NameEntry[]>();

  constructor(private readonly gazetteer: Gazetteer) {
    for (const entry of gazetteer.names) {
      const list = this.byFirstChar.get(entry.text[0]) ?? [];
      list.push(entry);
      this.byFirstChar.set(entry.text[0], list);
    }
  }

  /** Synchronous: the offline answer needs no I/O. */
  geocode(address: string): GeocodeResult | null {
    if (typeof address !== 'string') return null;
    const text = normalizeAddress(address);
    if (!text) return null;
    const found = findMatches(text, this.byFirstChar);
    const lead = this.leadingArea(address, text);
    const matches = lead ? [lead, ...found.filter((m) => m.start >= lead.end || m.end <= lead.start)] : found;
    if (matches.length === 0) return null;

    // 1. Which city (海口/三亚/三沙), if one is named; it limits everything else.
    const cityCodes = new Set(
      matches.flatMap((m) => m.entry.targets.filter((t) => t.kind === 'city').map((t) => t.code)),
    );
    const inCity = (countyCode: string) => {
      if (cityCodes.size === 0) return true;
      const region = this.gazetteer.regions.get(countyCode);
      return !!region?.cityCode && cityCodes.has(region.cityCode);
    };

    // 2. Score every county-level unit by the evidence that points at it.
    const scores = new Map<string, { score: number; first: number }>();
    for (const m of matches) {
      const counties = new Set<string>();
      for (const target of m.entry.targets) {
        const county = countyOfTarget(target);
        // A county-level unit named in full (昌江县) counts even when it is not under the city named before it
        // (`海口昌江县人民北路…`: a listing site's area in front of the address); short names must agree with the city.
        const namedInFull = target.kind === 'county' && m.entry.strength === 'strong';
        if (county && (inCity(county) || namedInFull)) counties.add(county);
      }
      for (const county of counties) {
        const kind = m.entry.targets.find((t) => countyOfTarget(t) === county)!.kind as keyof typeof WEIGHT;
        // An ambiguous name (several places share it) is weaker evidence for each of them.
        const weight = WEIGHT[kind][m.entry.strength] / counties.size;
        const current = scores.get(county) ?? { score: 0, first: m.start };
        scores.set(county, { score: current.score + weight, first: Math.min(current.first, m.start) });
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
    const best = ranked[0];
    // A lone weak township short name that several counties share says nothing.
    const countyCode = best && best[1].score >= 2 ? best[0] : null;

    if (!countyCode) {
      if (cityCodes.size !== 1) return null;
      const cityCode = [...cityCodes][0];
      const city = this.gazetteer.regions.get(cityCode)!;
      const used = matches.filter((m) => m.entry.targets.some((t) => t.kind === 'city'));
      return this.result(text, used, city, null, city.point, 'city');
    }
    const county = this.gazetteer.regions.get(countyCode)!;

    // 3. The township inside that county: a full name first, then a short name, then a park's township.
    const townshipMatches = matches
      .flatMap((m) =>
        m.entry.targets.map((t) => ({ m, t })).filter(({ t }) => countyOfTarget(t) === countyCode),
      )
      .filter(({ t }) => t.kind === 'township' || (t.kind === 'place' && t.townshipCode));
    townshipMatches.sort((a, b) => {
      const rank = (x: typeof a) => (x.t.kind === 'township' ? (x.m.entry.strength === 'strong' ? 0 : 1) : 2);
      return rank(a) - rank(b) || a.m.start - b.m.start;
    });
    // A weak name alone (no county, no city named) is only trusted when it names one place.
    const hasOtherEvidence = (m: Match) =>
      matches.some((o) => o !== m && o.entry.targets.some((t) => countyOfTarget(t) === countyCode || t.kind === 'city'));
    const pick = townshipMatches.find(
      ({ m }) => m.entry.strength === 'strong' || m.entry.targets.length === 1 || hasOtherEvidence(m),
    );
    const townshipCode = pick ? (pick.t.kind === 'township' ? pick.t.code : (pick.t as { townshipCode: string }).townshipCode) : null;
    const township = townshipCode ? this.gazetteer.townships.get(townshipCode) ?? null : null;

    const used = matches.filter(
      (m) =>
        m.entry.targets.some((t) => t.kind === 'city' && t.code === county.cityCode) ||
        m.entry.targets.some((t) => t.kind === 'county' && t.code === countyCode) ||
        (pick && m === pick.m) ||
        m.entry.targets.some((t) => t.kind === 'place' && t.countyCode === countyCode),
    );
    if (township?.point) return this.result(text, used, county, township, township.point, 'township');
    return this.result(text, used, county, township, county.point, 'district');
  }

  /**
   * A leading area prefix (`leadingAliases` in hainan-places.json): the alias at the very start of the address,
   * after an optional name of its city, and followed by a separator (` 河东-迎宾路-…`, `三亚 河西/解放路`).
   * Anywhere else (河东路, 河西村) it is not a place name, so the rule needs the raw text with its separators.
   */
  private leadingArea(address: string, text: string): Match | null {
    const raw = address.normalize('NFKC').replace(/^[\s\u3000]+/, '');
    for (const alias of this.gazetteer.leadingAliases) {
      const city = this.gazetteer.regions.get(alias.regionCode)?.cityName ?? null;
      const prefixes = city ? ['', city, city.slice(0, -1)] : [''];
      for (const prefix of prefixes) {
        const head = `${prefix}${alias.name}`;
        if (!raw.startsWith(head) && !raw.startsWith(`${prefix} ${alias.name}`)) continue;
        const rest = raw.slice(raw.indexOf(alias.name) + alias.name.length);
        if (!LEADING_SEPARATOR.test(rest)) continue;
        const start = text.indexOf(alias.name);
        if (start < 0 || start > prefix.length) continue;
        const entry: NameEntry = { text: alias.name, strength: 'strong', targets: [{ kind: 'county', code: alias.regionCode }] };
        return { start, end: start + alias.name.length, entry };
      }
    }
    return null;
  }

  /** A township picked from the list (e.g. to correct a geocode): its point, or its county's when it has none. */
  locateTownship(code: string): GeocodeResult | null {
    const township = this.gazetteer.townships.get(code);
    const county = township ? this.gazetteer.regions.get(township.countyCode) : undefined;
    if (!township || !county) return null;
    const label = `${county.cityName ?? ''}${county.name}${township.name.replace(/[（(）)]/g, '')}`;
    return this.result(label, [], county, township, township.point ?? county.point, township.point ? 'township' : 'district');
  }

  /** A region's own point: a district, county or county-level city gives 'district', 海口/三亚/三沙 'city'. */
  locateRegion(code: string): GeocodeResult | null {
    if (code === YANGPU_PLATFORM_CODE) return this.locateTownship(code);
    const region = this.gazetteer.regions.get(code);
    if (!region) return null;
    const precision: LocationPrecision = PREFECTURE_CITIES.has(code) ? 'city' : 'district';
    return this.result(`${region.cityName ?? ''}${region.name}`, [], region, null, region.point, precision);
  }

  private result(
    text: string,
    used: Match[],
    region: GazetteerRegion,
    township: { code: string; name: string } | null,
    point: GeoPoint,
    precision: LocationPrecision,
  ): GeocodeResult {
    const start = Math.min(...used.map((m) => m.start));
    const end = Math.max(...used.map((m) => m.end));
    const cityPart = region.cityName ?? '';
    return {
      lat: point.lat,
      lng: point.lng,
      precision,
      regionCode: region.code,
      platformRegionCode: township?.code === YANGPU_PLATFORM_CODE ? YANGPU_PLATFORM_CODE : region.code,
      regionName: region.name,
      townshipCode: township?.code ?? null,
      townshipName: township?.name.replace(/[（(）)]/g, '') ?? null,
      matched: used.length ? text.slice(start, end) : text,
      label: `${cityPart}${region.name}${township ? township.name.replace(/[（(）)]/g, '') : ''}`,
      source: 'offline',
    };
  }
}

let shared: OfflineGeocoder | undefined;

/**
 * The built-in offline geocoder for Hainan, constructed synchronously (the gazetteer is built once per process
 * and shared). `geocode(address)` answers synchronously with a `GeocodeResult` or null.
 */
export function createOfflineGeocoder(): OfflineGeocoder {
  return (shared ??= new OfflineGeocoder(buildGazetteer()));
}
