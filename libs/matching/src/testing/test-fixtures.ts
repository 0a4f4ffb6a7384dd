import { SeekerFacts, ShortageFacts } from '../core/types';

/** A seeker and a shortage that fit well (same detailed occupation, skills and certificate held, 2 km apart). */
export function fixtureSeeker(overrides: Partial<SeekerFacts> = {}): SeekerFacts {
  return {
    id: 'seeker-1',
    regionCode: '460106',
    lat: 20.02,
    lng: 110.33,
    travelRadiusKm: 10,
    desiredOccupations: ['6-31-01-03'],
    skills: [
      { name: '电气接线', level: 3 },
      { name: '低压配电', level: 2 },
    ],
    certificates: ['SPO-1.1'],
    skillLevel: 3,
    education: 'vocational',
    experience: [{ occupationCode: '6-31-01-03', years: 3 }],
    wageExpectation: 5000,
    availableFrom: '2025-07-01',
    workTypes: ['full_time'],
    priorityGroups: [],
    ...overrides,
  };
}

export function fixtureShortage(overrides: Partial<ShortageFacts> = {}): ShortageFacts {
  return {
    id: 'shortage-1',
    regionCode: '460106',
    lat: 20.035,
    lng: 110.345,
    occupationCode: '6-31-01-03',
    requiredSkills: [
      { name: '电气接线', level: 2 },
      { name: '低压配电', level: 2 },
    ],
    preferredSkills: [{ name: 'PLC编程', level: 2 }],
    requiredCertificates: ['SPO-1.1'],
    minSkillLevel: 2,
    education: 'vocational',
    experienceYears: 2,
    wageMin: 4500,
    wageMax: 6000,
    workType: 'full_time',
    startDate: '2025-07-10',
    openHeadcount: 3,
    urgency: 'normal',
    openToDisabled: false,
    ...overrides,
  };
}
