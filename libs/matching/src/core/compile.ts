/** Facts (SeekerFacts, ShortageFacts) into the compiled form the kernel scores (compiled-layout.ts). */
import { Growable } from './growable';
import {
  effectiveRadiusKm,
  epochDay,
  experienceTarget,
  geoTrig,
  occupationLevels,
  orNaN,
  precisionCode,
  PRECISION_SLACK_KM,
  reachH,
  skillKey,
} from './primitives';
import { SeekerFacts, ShortageFacts, SkillFact } from './types';
import { MatchVocabulary } from './vocabulary';

import { CompiledSeekers, CompiledShortages, GeoColumns } from './compiled-layout';

/** Missing occupation levels: different sentinels on each side so that two missing levels never match. */
const SEEKER_NO_CODE = -1;
const SHORTAGE_NO_CODE = -2;

class GeoBuilder {
  hasLocation = new Growable(Uint8Array);
  lat = new Growable(Float64Array);
  lng = new Growable(Float64Array);
  sinHalfLat = new Growable(Float64Array);
  cosHalfLat = new Growable(Float64Array);
  cosLat = new Growable(Float64Array);
  sinHalfLng = new Growable(Float64Array);
  cosHalfLng = new Growable(Float64Array);

  push(lat: number | null, lng: number | null, precision: string | null | undefined): void {
    const code = precisionCode(lat, lng, precision);
    const known = code !== 0;
    const t = known ? geoTrig(lat as number, lng as number) : null;
    this.hasLocation.push(code);
    this.lat.push(known ? (lat as number) : NaN);
    this.lng.push(known ? (lng as number) : NaN);
    this.sinHalfLat.push(t?.sinHalfLat ?? 0);
    this.cosHalfLat.push(t?.cosHalfLat ?? 0);
    this.cosLat.push(t?.cosLat ?? 0);
    this.sinHalfLng.push(t?.sinHalfLng ?? 0);
    this.cosHalfLng.push(t?.cosHalfLng ?? 0);
  }

  done(): GeoColumns {
    return {
      hasLocation: this.hasLocation.done(),
      lat: this.lat.done(),
      lng: this.lng.done(),
      sinHalfLat: this.sinHalfLat.done(),
      cosHalfLat: this.cosHalfLat.done(),
      cosLat: this.cosLat.done(),
      sinHalfLng: this.sinHalfLng.done(),
      cosHalfLng: this.cosHalfLng.done(),
    };
  }
}

function levelIds(vocabulary: MatchVocabulary, code: string, missing: number): [number, number, number] {
  const { detail, minor, medium } = occupationLevels(code);
  const ids = vocabulary.occupations;
  return [detail === null ? missing : ids.id(detail), minor === null ? missing : ids.id(minor), medium === null ? missing : ids.id(medium)];
}

/** Skill key → first name written and highest level, first-seen order (the order the reference `evaluate` of @app/matching/testing sums in). */
function levelsByKey(list: readonly SkillFact[]): Map<string, { name: string; level: number }> {
  const map = new Map<string, { name: string; level: number }>();
  for (const skill of list) {
    const key = skillKey(skill);
    const known = map.get(key);
    if (known === undefined) map.set(key, { name: skill.name, level: skill.level });
    else if (skill.level > known.level) known.level = skill.level;
  }
  return map;
}

/** Compiles seekers in one pass (any iterable: a generator of a million keeps no facts in memory). */
export function compileSeekers(seekers: Iterable<SeekerFacts>, vocabulary = new MatchVocabulary()): CompiledSeekers {
  const ids: string[] = [];
  const data = new Growable(Float64Array, 1 << 16);
  const offset = new Growable(Int32Array);
  const lat = new Growable(Float64Array);
  const lng = new Growable(Float64Array);

  for (const s of seekers) {
    ids.push(s.id);
    offset.push(data.length);
    const precision = precisionCode(s.lat, s.lng, s.locationPrecision);
    const known = precision !== 0;
    const t = known ? geoTrig(s.lat as number, s.lng as number) : null;
    lat.push(known ? (s.lat as number) : NaN);
    lng.push(known ? (s.lng as number) : NaN);
    // Wanted occupations first, then those of experience only (first-seen order, no repeats: the order the reference `evaluate` of @app/matching/testing reads them in).
    const occupations: string[] = [];
    for (const code of s.desiredOccupations) if (!occupations.includes(code)) occupations.push(code);
    const desired = occupations.length;
    for (const e of s.experience) if (!occupations.includes(e.occupationCode)) occupations.push(e.occupationCode);
    const education = s.education ? vocabulary.educations.id(s.education) + 1 : 0;
    if (desired > 255 || education > 255) throw new Error('A seeker record holds at most 255 wanted occupations and 255 education levels');
    const skills = levelsByKey(s.skills);
    const certificates = [...new Set(s.certificates)];
    let mask = 0;
    for (const type of s.workTypes) mask |= vocabulary.workTypeBit(type);
    let groups = 0;
    for (const group of s.priorityGroups) groups |= group === 'disabled' ? 2 : 1;
    groups |= (desired << 8) | (education << 16);

    // Header, in ROW order.
    data.push(t?.sinHalfLat ?? 0);
    data.push(t?.cosHalfLat ?? 0);
    data.push(t?.cosLat ?? 0);
    data.push(t?.sinHalfLng ?? 0);
    data.push(t?.cosHalfLng ?? 0);
    data.push(reachH(s.travelRadiusKm, PRECISION_SLACK_KM[precision]));
    data.push(effectiveRadiusKm(s.travelRadiusKm));
    data.push(orNaN(s.skillLevel));
    data.push(orNaN(s.wageExpectation));
    data.push(epochDay(s.availableFrom));
    data.push(precision);
    data.push(vocabulary.regions.id(s.regionCode));
    data.push(mask);
    data.push(groups);
    data.push(occupations.length);
    data.push(skills.size);
    data.push(certificates.length);
    data.push(s.experience.length);

    for (const code of occupations) for (const id of levelIds(vocabulary, code, SEEKER_NO_CODE)) data.push(id);
    for (const [key, { level }] of skills) {
      data.push(vocabulary.skills.id(key));
      data.push(level);
    }
    for (const code of certificates) data.push(vocabulary.certificates.id(code));
    for (const e of s.experience) {
      data.push(levelIds(vocabulary, e.occupationCode, SEEKER_NO_CODE)[1]);
      data.push(e.years);
    }
  }
  offset.push(data.length);

  return {
    count: ids.length,
    vocabulary,
    ids,
    data: data.done(),
    offset: offset.done(),
    lat: lat.done(),
    lng: lng.done(),
  };
}

export function compileShortages(shortages: Iterable<ShortageFacts>, vocabulary: MatchVocabulary): CompiledShortages {
  const ids: string[] = [];
  const occupationCodes: string[] = [];
  const geo = new GeoBuilder();
  const region = new Growable(Int32Array);
  const occupationDetail = new Growable(Int32Array);
  const occupationMinor = new Growable(Int32Array);
  const occupationMedium = new Growable(Int32Array);
  const requiredStart = new Growable(Int32Array);
  const requiredId = new Growable(Int32Array);
  const requiredName = new Growable(Int32Array);
  const requiredLevel = new Growable(Float64Array);
  const preferredStart = new Growable(Int32Array);
  const preferredId = new Growable(Int32Array);
  const preferredName = new Growable(Int32Array);
  const preferredLevel = new Growable(Float64Array);
  const certificateStart = new Growable(Int32Array);
  const certificateId = new Growable(Int32Array);
  const minSkillLevel = new Growable(Float64Array);
  const experience = new Growable(Float64Array);
  const wageMax = new Growable(Float64Array);
  const startDay = new Growable(Float64Array);
  const workTypeBit = new Growable(Int32Array);
  const openToDisabled = new Growable(Uint8Array);
  const openHeadcount = new Growable(Int32Array);
  const wageMin = new Growable(Float64Array);
  const experienceYears = new Growable(Float64Array);
  const education = new Growable(Int32Array);

  for (const s of shortages) {
    ids.push(s.id);
    occupationCodes.push(s.occupationCode);
    geo.push(s.lat, s.lng, s.locationPrecision);
    region.push(vocabulary.regions.id(s.regionCode));
    const [detail, minor, medium] = levelIds(vocabulary, s.occupationCode, SHORTAGE_NO_CODE);
    occupationDetail.push(detail);
    occupationMinor.push(minor);
    occupationMedium.push(medium);
    requiredStart.push(requiredId.length);
    for (const [key, { name, level }] of levelsByKey(s.requiredSkills)) {
      requiredId.push(vocabulary.skills.id(key));
      requiredName.push(vocabulary.skillNames.id(name));
      requiredLevel.push(Math.max(1, level));
    }
    preferredStart.push(preferredId.length);
    for (const [key, { name, level }] of levelsByKey(s.preferredSkills)) {
      preferredId.push(vocabulary.skills.id(key));
      preferredName.push(vocabulary.skillNames.id(name));
      preferredLevel.push(Math.max(1, level));
    }
    certificateStart.push(certificateId.length);
    for (const code of new Set(s.requiredCertificates)) certificateId.push(vocabulary.certificates.id(code));
    minSkillLevel.push(orNaN(s.minSkillLevel));
    experience.push(experienceTarget(s.experienceYears));
    wageMax.push(s.wageMax);
    startDay.push(epochDay(s.startDate));
    workTypeBit.push(vocabulary.workTypeBit(s.workType));
    openToDisabled.push(s.openToDisabled ? 1 : 0);
    openHeadcount.push(s.openHeadcount);
    wageMin.push(s.wageMin);
    experienceYears.push(orNaN(s.experienceYears));
    education.push(s.education ? vocabulary.educations.id(s.education) : -1);
  }
  requiredStart.push(requiredId.length);
  preferredStart.push(preferredId.length);
  certificateStart.push(certificateId.length);

  return {
    count: ids.length,
    vocabulary,
    ids,
    occupationCodes,
    ...geo.done(),
    region: region.done(),
    occupationDetail: occupationDetail.done(),
    occupationMinor: occupationMinor.done(),
    occupationMedium: occupationMedium.done(),
    requiredStart: requiredStart.done(),
    requiredId: requiredId.done(),
    requiredName: requiredName.done(),
    requiredLevel: requiredLevel.done(),
    preferredStart: preferredStart.done(),
    preferredId: preferredId.done(),
    preferredName: preferredName.done(),
    preferredLevel: preferredLevel.done(),
    certificateStart: certificateStart.done(),
    certificateId: certificateId.done(),
    minSkillLevel: minSkillLevel.done(),
    experienceTarget: experience.done(),
    wageMax: wageMax.done(),
    startDay: startDay.done(),
    workTypeBit: workTypeBit.done(),
    openToDisabled: openToDisabled.done(),
    openHeadcount: openHeadcount.done(),
    wageMin: wageMin.done(),
    experienceYears: experienceYears.done(),
    education: education.done(),
  };
}

export function checkShared(seekers: CompiledSeekers, shortages: CompiledShortages): void {
  if (seekers.vocabulary !== shortages.vocabulary) throw new Error('Seekers and shortages must be compiled with the same MatchVocabulary');
}
