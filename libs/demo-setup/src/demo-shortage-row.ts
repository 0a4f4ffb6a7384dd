import { Shortage } from '@app/employer-demand';
import { Taxonomy } from '@app/taxonomy';
import type * as Generated from '@app/demo-data';

/** The employer reference of a generated shortage ('demo-shortage-00012'): marks it as demo data the refresh may roll forward. */
export const DEMO_REF_PREFIX = 'demo-';

export const demoShortageRef = (s: Generated.Shortage) => `${DEMO_REF_PREFIX}${s.key}`;

/** A generated shortage as a shortage row (status and publication are the caller's). */
export function demoShortageRow(s: Generated.Shortage, employerId: string, taxonomy: Taxonomy): Partial<Shortage> {
  return {
    employerId,
    externalRef: demoShortageRef(s),
    title: `招聘${taxonomy.occupation(s.occupationCode)?.name ?? s.occupationCode}`,
    occupationCode: s.occupationCode, industryCode: s.industryCode, headcount: s.headcount,
    requiredSkills: s.requiredSkills, preferredSkills: s.preferredSkills, requiredCertificates: s.requiredCertificates,
    minSkillLevel: s.minSkillLevel, education: s.education, experienceYears: s.experienceYears,
    wageMin: s.wageMin, wageMax: s.wageMax, payBasis: s.payBasis, workType: s.workType, shifts: s.shifts,
    regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng, locationPrecision: 'point',
    startDate: s.startDate, deadline: s.deadline,
    trainingOffered: s.trainingOffered, acceptsTrainees: s.acceptsTrainees, urgency: s.urgency, openToDisabled: s.openToDisabled,
    policyDirection: s.policyDirection, description: s.description,
  };
}
