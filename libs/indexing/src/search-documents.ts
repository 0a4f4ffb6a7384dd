import { Employer, Shortage } from '@app/employer-demand';
import { occupationCodeLevels, occupationFamilyOf, regionCodeLevels, SeekerSearchDocument, ShortageSearchDocument } from '@app/search';
import { countedPriorityGroups, Seeker } from '@app/seeker-pool';
import { SkillVocabulary, Taxonomy } from '@app/taxonomy';
import { withoutPersonalIdentifiers } from './document-redaction';

/**
 * What a seeker looks like in the index: no ID number, phone, address or birth date; priority groups only with
 * the seeker's consent to sensitive matching. A phone or ID number typed into free text empties that field and
 * is named in `redactedFields` (see withoutPersonalIdentifiers).
 */
export function seekerDocument(seeker: Seeker, taxonomy: Taxonomy): SeekerSearchDocument {
  return withoutPersonalIdentifiers<SeekerSearchDocument>({
    id: seeker.id,
    name: seeker.name,
    ...occupationFields(seeker.desiredOccupations, taxonomy),
    ...regionFields(seeker.regionCode),
    skills: seeker.skills.map(({ name, level }) => ({ name, level })),
    skillNames: searchableSkillNames(seeker.skills),
    certificateCodes: seeker.certificates.map((certificate) => certificate.code),
    skillLevel: seeker.skillLevel,
    workTypes: seeker.workTypes,
    lat: seeker.lat,
    lng: seeker.lng,
    updatedAt: seeker.updatedAt.toISOString(),
    education: seeker.education,
    languages: seeker.languages,
    wageExpectation: seeker.wageExpectation,
    travelRadiusKm: seeker.travelRadiusKm,
    availableFrom: seeker.availableFrom,
    priorityGroups: countedPriorityGroups(seeker),
  });
}

/** Skill names as written, plus the canonical name of each that maps to one: a search for 热菜烹制 finds 炒菜. */
function searchableSkillNames(skills: readonly { name: string }[]): string[] {
  const vocabulary = SkillVocabulary.shared();
  const names = new Set<string>();
  for (const { name } of skills) {
    names.add(name);
    const canonical = vocabulary.map(name)?.skill.zh;
    if (canonical) names.add(canonical);
  }
  return [...names];
}

/** An open shortage for job search; like seekerDocument, a phone number in its text empties that field. */
export function shortageDocument(shortage: Shortage, employer: Employer, taxonomy: Taxonomy): ShortageSearchDocument {
  return withoutPersonalIdentifiers<ShortageSearchDocument>({
    id: shortage.id,
    title: shortage.title,
    employerName: employer.name,
    description: shortage.description,
    trainingOffered: shortage.trainingOffered,
    ...occupationFields([shortage.occupationCode], taxonomy),
    ...regionFields(shortage.regionCode),
    skills: shortage.requiredSkills.map(({ name, level }) => ({ name, level })),
    skillNames: searchableSkillNames([...shortage.requiredSkills, ...shortage.preferredSkills]),
    certificateCodes: shortage.requiredCertificates,
    skillLevel: shortage.minSkillLevel,
    workTypes: [shortage.workType],
    lat: shortage.lat,
    lng: shortage.lng,
    updatedAt: shortage.updatedAt.toISOString(),
    wageMin: shortage.wageMin,
    wageMax: shortage.wageMax,
    openings: Math.max(0, shortage.headcount - shortage.filledHeadcount),
    deadline: shortage.deadline,
    urgency: shortage.urgency,
  });
}

function occupationFields(codes: string[], taxonomy: Taxonomy) {
  const detailed = codes.filter((code) => taxonomy.occupation(code));
  return {
    occupationCodes: detailed,
    occupationNames: detailed.map((code) => taxonomy.occupation(code)!.name),
    occupationTags: [...new Set(detailed.flatMap(occupationCodeLevels))],
    occupationFamilies: [...new Set(detailed.filter((code) => code.split('-').length >= 3).map(occupationFamilyOf))],
  };
}

const regionFields = (regionCode: string) => ({ regionCode, regionTags: regionCodeLevels(regionCode) });
