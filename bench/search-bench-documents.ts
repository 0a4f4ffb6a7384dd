import { Dataset, Seeker, Shortage } from '@app/demo-data';
import { occupationCodeLevels, occupationFamilyOf, regionCodeLevels, SeekerSearchDocument, ShortageSearchDocument } from '@app/search';
import { Taxonomy } from '@app/taxonomy';

/** Generated records as search documents. The seeker's residentId and phone are dropped here, by construction. */

const unique = <T>(values: T[]) => [...new Set(values)];

function occupationFields(codes: string[], taxonomy: Taxonomy) {
  return {
    occupationCodes: codes,
    occupationNames: codes.map((code) => taxonomy.occupation(code)?.name ?? code),
    occupationTags: unique(codes.flatMap(occupationCodeLevels)),
    occupationFamilies: unique(codes.map(occupationFamilyOf)),
  };
}

export function seekerDocument(seeker: Seeker, taxonomy: Taxonomy): SeekerSearchDocument {
  return {
    id: seeker.key,
    name: seeker.name,
    ...occupationFields(seeker.desiredOccupations, taxonomy),
    regionCode: seeker.regionCode,
    regionTags: regionCodeLevels(seeker.regionCode),
    skills: seeker.skills,
    skillNames: seeker.skills.map((s) => s.name),
    certificateCodes: seeker.certificates.map((c) => c.code),
    skillLevel: seeker.skillLevel,
    workTypes: seeker.workTypes,
    lat: seeker.lat,
    lng: seeker.lng,
    updatedAt: `${seeker.availableFrom}T00:00:00.000Z`,
    education: seeker.education,
    languages: seeker.languages,
    wageExpectation: seeker.wageExpectation,
    travelRadiusKm: seeker.travelRadiusKm,
    availableFrom: seeker.availableFrom,
    priorityGroups: seeker.consentToSensitiveMatching ? seeker.priorityGroups.map((g) => g.group) : [],
  };
}

export function shortageDocument(shortage: Shortage, dataset: Dataset, taxonomy: Taxonomy): ShortageSearchDocument {
  const employer = dataset.employerAt(Number(shortage.employerKey.split('-')[1]) - 1);
  const skills = [...shortage.requiredSkills, ...shortage.preferredSkills];
  const occupation = occupationFields([shortage.occupationCode], taxonomy);
  return {
    id: shortage.key,
    title: `招聘${occupation.occupationNames[0]}`,
    ...occupation,
    regionCode: shortage.regionCode,
    regionTags: regionCodeLevels(shortage.regionCode),
    skills,
    skillNames: skills.map((s) => s.name),
    certificateCodes: shortage.requiredCertificates,
    skillLevel: shortage.minSkillLevel,
    workTypes: [shortage.workType],
    lat: shortage.lat,
    lng: shortage.lng,
    updatedAt: `${shortage.startDate}T00:00:00.000Z`,
    employerName: employer.name,
    description: shortage.description,
    trainingOffered: shortage.trainingOffered,
    wageMin: shortage.wageMin,
    wageMax: shortage.wageMax,
    openings: shortage.headcount,
    deadline: shortage.deadline,
    urgency: shortage.urgency,
  };
}
