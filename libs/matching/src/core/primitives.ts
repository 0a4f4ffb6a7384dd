/**
 * The arithmetic both scoring paths share (scalar `scoreMatch` and the compiled kernel), so that they give the
 * same numbers: every factor value is computed by one of these functions from plain numbers.
 */

import * as sphere from '@app/geocoding/distance';
import * as occupationCode from '@app/taxonomy/occupation-code';

// Local aliases: inside Jest's vm sandbox every global lookup (Math …) is far slower.
const { sin, min, max, PI } = Math;

/*
 * The great-circle formula and the Earth radius have one home, libs/geocoding/src/distance.ts; the kernel uses its
 * per-point form. Bound here as plain constants (not re-exports, which compile to getters) for the hot loops.
 */
export const EARTH_RADIUS_KM = sphere.EARTH_RADIUS_KM;
export const geoTrig = sphere.geoTrig;
export const haversineH = sphere.haversineH;
export const hToKm = sphere.hToKm;
export type GeoTrig = sphere.GeoTrig;

/** A seeker is still "within reach" up to this multiple of their own travel radius. */
export const REACH_FACTOR = 1.5;
/** Radii below 1 km are treated as 1 km (a radius of 0 would make every job unreachable). */
export const MIN_RADIUS_KM = 1;

export const OCC_NONE = 0;
export const OCC_MEDIUM = 1;
export const OCC_MINOR = 2;
export const OCC_EXACT = 3;
/** Fit by hierarchy level (index = OCC_*). Related-by-skills tops out below the medium-group value. */
const OCC_VALUES = [0, 0.45, 0.7, 1];
export const OCC_RELATED_MAX = 0.25;

/** Days a seeker may start after the start date before availability counts for nothing. */
export const AVAILABILITY_GRACE_DAYS = 60;
/** Wage fit falls linearly to 0 when the top of the range is this share of the expectation. */
export const WAGE_FLOOR_RATIO = 0.7;

export function effectiveRadiusKm(travelRadiusKm: number): number {
  return max(MIN_RADIUS_KM, travelRadiusKm || 0);
}

/**
 * The largest h still within REACH_FACTOR × radius, plus `slackKm` (the seeker's own location uncertainty, see
 * PRECISION_SLACK_KM): compare h, skip the asin, for pairs out of reach.
 */
export function reachH(radiusKm: number, slackKm = 0): number {
  const x = sin(min(PI / 2, (REACH_FACTOR * effectiveRadiusKm(radiusKm) + slackKm) / (2 * EARTH_RADIUS_KM)));
  return x * x;
}

/**
 * How precisely a location is known, as the kernel stores it: 0 no coordinates (matched by region), 1 a point,
 * 2 a township centroid, 3 a district or county seat, 4 a city seat. Names as in `LocationPrecision` (@app/geocoding).
 */
export const PRECISION_NONE = 0;
export const PRECISION_POINT = 1;
export const PRECISION_NAMES = ['', 'point', 'township', 'district', 'city'] as const;
/**
 * How far the true place of a coarse location may lie from its stored point, in km, by precision code. A pair is
 * within reach when the centroid distance, less both sides' slack, is within REACH_FACTOR × radius: nobody is left
 * out because their location is only known to the township. The distance shown and scored is the centroid
 * distance (an estimate, said so in the reason). Townships on Hainan cover about 140 km² (radius ~7 km); counties
 * about 1,500 km².
 */
export const PRECISION_SLACK_KM = [0, 0, 5, 15, 25];

/** The precision code of a record: 0 without coordinates; a point when coordinates come without a precision (older rows). */
export function precisionCode(lat: number | null, lng: number | null, precision: string | null | undefined): number {
  if (lat === null || lng === null || lat !== lat || lng !== lng) return PRECISION_NONE;
  const code = precision ? PRECISION_NAMES.indexOf(precision as (typeof PRECISION_NAMES)[number]) : PRECISION_POINT;
  return code > 0 ? code : PRECISION_POINT;
}

/** The reach of a pair where a side's location is coarse: centroid distances up to this are within reach. */
export function reachKm(effectiveRadius: number, seekerSlackKm: number, shortageSlackKm: number): number {
  return REACH_FACTOR * effectiveRadius + seekerSlackKm + shortageSlackKm;
}

/** Relations of two region codes, for records without a usable location. */
export const REGION_OTHER = 0;
/** One code is a city with districts (海口市 460100) and the other is that city or one of its districts: the county is unknown. */
export const REGION_SAME_CITY = 1;
export const REGION_SAME_COUNTY = 2;

/**
 * How two region codes relate. The same county-level code (a 区, 县 or county-level city, 儋州 460400, 洋浦
 * 460400499) counts as within reach; a city-level code (460100) and one of its districts (460105) as within reach
 * at a lower value (the county is not known); the province (460000) is no region to match by.
 */
export function regionRelation(a: string, b: string): number {
  if (!a || !b || a.endsWith('0000') || b.endsWith('0000')) return REGION_OTHER;
  if (a === b) return REGION_SAME_COUNTY;
  if (a.length === 6 && b.length === 6 && a.slice(0, 4) === b.slice(0, 4) && (a.endsWith('00') || b.endsWith('00'))) return REGION_SAME_CITY;
  return REGION_OTHER;
}

/** Great-circle distance in km (haversine), through the same arithmetic as the kernel. */
export function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const a = geoTrig(aLat, aLng);
  const b = geoTrig(bLat, bLng);
  return hToKm(haversineH(a.sinHalfLat, a.cosHalfLat, a.cosLat, a.sinHalfLng, a.cosHalfLng, b.sinHalfLat, b.cosHalfLat, b.cosLat, b.sinHalfLng, b.cosHalfLng));
}

/** 1 at the door, 0.7 at the travel radius, falling linearly to 0 at REACH_FACTOR × radius. */
export function distanceValue(km: number, radiusKm: number): number {
  const r = effectiveRadiusKm(radiusKm);
  if (km <= r) return 1 - (0.3 * km) / r;
  const reach = REACH_FACTOR * r;
  if (km >= reach) return 0;
  return (0.7 * (reach - km)) / (reach - r);
}

/** Without coordinates on either side only the county is known: same county is a fair guess, another is not. */
export const UNKNOWN_DISTANCE_SAME_REGION = 0.5;
/** The same city, one side's county unknown (a city-level code such as 460100): a weaker guess. */
export const UNKNOWN_DISTANCE_SAME_CITY = 0.3;
/** Distance factor by region relation (index = REGION_*). */
export const UNKNOWN_DISTANCE_VALUES = [0, UNKNOWN_DISTANCE_SAME_CITY, UNKNOWN_DISTANCE_SAME_REGION];

export function occupationValue(level: number, requiredNamesHeld: number, requiredCount: number): number {
  if (level > OCC_NONE) return OCC_VALUES[level];
  return requiredCount > 0 ? (OCC_RELATED_MAX * requiredNamesHeld) / requiredCount : 0;
}

/** What two skills are compared by: the canonical skill id when the name maps to one, else the name as written. */
export function skillKey(skill: { name: string; skillId?: string }): string {
  return skill.skillId ?? skill.name;
}

/** A skill is met when it is held at the level asked or higher (a requirement without a level is met by anyone). */
export function skillMet(held: number, required: number): boolean {
  return required <= 0 || held >= required;
}

/** Credit for one skill requirement: full at or above the level, proportional below it, 0 when not held. */
export function skillCredit(held: number, required: number): number {
  if (skillMet(held, required)) return 1;
  return held > 0 ? held / required : 0;
}

export function skillLevelValue(seekerLevel: number, minLevel: number): number {
  if (minLevel !== minLevel || minLevel <= 0) return 1;
  if (seekerLevel !== seekerLevel) return 0.5;
  return seekerLevel >= minLevel ? 1 : max(0, seekerLevel / minLevel);
}

export function wageValue(wageMax: number, expectation: number): number {
  if (expectation !== expectation || wageMax >= expectation) return 1;
  return max(0, (wageMax / expectation - WAGE_FLOOR_RATIO) / (1 - WAGE_FLOOR_RATIO));
}

export function availabilityValue(availableDay: number, startDay: number): number {
  if (availableDay !== availableDay) return 0.75;
  const delay = availableDay - startDay;
  if (delay <= 0) return 1;
  return max(0, 1 - delay / AVAILABILITY_GRACE_DAYS);
}

/** Experience target: the posting's years, or one year when it asks for none (any experience in the family is a plus). */
export function experienceTarget(experienceYears: number | null): number {
  return max(1, experienceYears ?? 0);
}

export function experienceValue(years: number, target: number): number {
  return years >= target ? 1 : years / target;
}

/** Monthly-wage NaN for "not given" keeps the kernel's arrays numeric. */
export function orNaN(value: number | null | undefined): number {
  return value === null || value === undefined ? NaN : value;
}

const DAY_MS = 86_400_000;

const dayCache = new Map<string, number>();
const DAY_CACHE_LIMIT = 50_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD…); NaN for null or unparsable. */
export function epochDay(iso: string | null): number {
  if (!iso) return NaN;
  const known = dayCache.get(iso);
  if (known !== undefined) return known;
  const day = parseDay(iso);
  if (dayCache.size < DAY_CACHE_LIMIT) dayCache.set(iso, day);
  return day;
}

function parseDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!y || !m || !d) return NaN;
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The occupation hierarchy has one home, libs/taxonomy/src/occupation-code.ts. */
export const occupationLevels = occupationCode.occupationLevels;
export type OccupationLevels = occupationCode.OccupationLevels;

/** The occupation family used for experience and blocking: the minor group (同一工种类别), or the code itself when coarser. */
export const occupationFamily = occupationCode.minorGroupOrSelf;

/**
 * Required skills a shortlisted seeker may lack (at its level): half of them, rounded down. Postings list more
 * required skills than employers insist on, so a seeker who covers most of them is shortlisted, with the gaps
 * shown; required certificates (licences such as 特种作业操作证) are never waived.
 */
export function skillGapAllowance(requiredSkillCount: number): number {
  return Math.floor(requiredSkillCount / 2);
}

/** Gaps that keep a reachable seeker off the shortlist: every missing certificate, and missing skills beyond the allowance. */
export function blockingGaps(skillsMissing: number, requiredSkillCount: number, certificatesMissing: number): number {
  return certificatesMissing + Math.max(0, skillsMissing - skillGapAllowance(requiredSkillCount));
}
