import type { Seeker, Shortage } from '@app/demo-data';
import { SkillVocabulary } from '@app/taxonomy';
import { SeekerFacts, ShortageFacts } from '../core/types';

/** Demo-data seeker → SeekerFacts. Priority groups pass only with the seeker's consent to sensitive matching. */
export function seekerFactsFromDemo(seeker: Seeker): SeekerFacts {
  return {
    id: seeker.key,
    regionCode: seeker.regionCode,
    lat: seeker.lat,
    lng: seeker.lng,
    travelRadiusKm: seeker.travelRadiusKm,
    desiredOccupations: seeker.desiredOccupations,
    skills: SkillVocabulary.shared().withIds(seeker.skills),
    certificates: seeker.certificates.map((c) => c.code),
    skillLevel: seeker.skillLevel,
    education: seeker.education,
    experience: seeker.experience,
    wageExpectation: seeker.wageExpectation,
    availableFrom: seeker.availableFrom,
    workTypes: seeker.workTypes,
    priorityGroups: seeker.consentToSensitiveMatching ? seeker.priorityGroups.map((p) => p.group) : [],
  };
}

export function shortageFactsFromDemo(shortage: Shortage): ShortageFacts {
  return {
    id: shortage.key,
    regionCode: shortage.regionCode,
    lat: shortage.lat,
    lng: shortage.lng,
    occupationCode: shortage.occupationCode,
    requiredSkills: SkillVocabulary.shared().withIds(shortage.requiredSkills),
    preferredSkills: SkillVocabulary.shared().withIds(shortage.preferredSkills),
    requiredCertificates: shortage.requiredCertificates,
    minSkillLevel: shortage.minSkillLevel,
    education: shortage.education,
    experienceYears: shortage.experienceYears,
    wageMin: shortage.wageMin,
    wageMax: shortage.wageMax,
    workType: shortage.workType,
    startDate: shortage.startDate,
    openHeadcount: shortage.headcount,
    urgency: shortage.urgency,
    openToDisabled: shortage.openToDisabled,
  };
}

export function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
