import { residentIdCheckChar } from '@app/identifiers';
import { educationRank } from '@app/taxonomy';
import { BUILDINGS, ROADS } from './catalog/names';
import { OccupationProfile } from './catalog/occupation-profiles';
import { GeneratorContext } from './context';
import { isoDate } from './dates';
import { jitter } from './geo';
import { mobileNumber, personName } from './person-names';
import { drawPriorityGroups } from './priority-groups';
import { Rng, WeightedTable } from './prng';
import { Education, EDUCATION_LEVELS, Experience, HeldCertificate, Seeker, Skill, WorkType } from './types';

const EDUCATION_BY_AGE: Record<'young' | 'middle' | 'older', WeightedTable<Education>> = {
  young: new WeightedTable(EDUCATION_LEVELS, [1, 16, 16, 20, 23, 20, 4]),
  middle: new WeightedTable(EDUCATION_LEVELS, [4, 28, 22, 15, 15, 13, 3]),
  older: new WeightedTable(EDUCATION_LEVELS, [15, 40, 25, 8, 7, 5, 0]),
};
const SKILL_LEVELS = new WeightedTable([1, 2, 3, 4, 5], [35, 30, 20, 10, 5]);
const TRAVEL_RADII = new WeightedTable([3, 5, 10, 15, 20, 30, 50], [5, 15, 25, 20, 15, 12, 8]);
const GENERIC_SKILLS = ['沟通协调', '团队协作', '办公软件', '普通话交流', 'C1驾照', '短视频拍摄', '安全意识', '客户服务'];
const AUTONOMOUS_COUNTIES = new Set(['469025', '469026', '469027', '469028', '469029', '469030']);
const TOURISM = new Set(['4-07-04-01', '4-07-04-02', '4-07-04-04', '4-13-01-03', '4-03-01-01', '4-03-01-02', '4-01-02-03', '4-14-06-02']);
const WAGE_FACTOR: Record<string, number> = { '460100': 1.05, '460200': 1.1, '460400499': 1.05 };
const DAYS_PER_YEAR = 365.25;

const rank = (e: Education) => educationRank(e);
const clamp = (x: number, min: number, max: number) => Math.max(min, Math.min(max, x));

function education(rng: Rng, age: number, wanted: OccupationProfile): Education {
  let drawn = EDUCATION_BY_AGE[age <= 30 ? 'young' : age <= 45 ? 'middle' : 'older'].pick(rng);
  if (age < 19 && rank(drawn) > rank('vocational')) drawn = 'vocational';
  if (age < 22 && drawn === 'bachelor') drawn = 'college';
  if (age < 24 && drawn === 'master') drawn = 'bachelor';
  // Most people who want a job that needs a degree have one (nurses, programmers).
  if (rank(wanted.education) >= rank('college') && rank(drawn) < rank(wanted.education) && age >= 21 && rng.chance(0.8)) {
    return wanted.education === 'bachelor' && age < 22 ? 'college' : wanted.education;
  }
  return drawn;
}

function skills(rng: Rng, occupations: OccupationProfile[], skillLevel: number): Skill[] {
  const total = rng.int(3, 8);
  const own = rng.sample(occupations[0].skills, Math.min(total, rng.int(2, 5)));
  const pool = [...new Set([...occupations.flatMap((o) => o.skills), ...rng.sample(GENERIC_SKILLS, 2)])].filter((s) => !own.includes(s));
  return [...own, ...rng.sample(pool, total - own.length)].map((name) => ({ name, level: clamp(skillLevel + rng.int(-1, 1), 1, 5) }));
}

function languages(rng: Rng, countyCode: string, primary: OccupationProfile, educated: boolean): string[] {
  const spoken = ['普通话'];
  if (rng.chance(0.7)) spoken.push('海南话');
  if (AUTONOMOUS_COUNTIES.has(countyCode) && rng.chance(0.3)) spoken.push('黎语');
  if (countyCode === '469024' && rng.chance(0.5)) spoken.push('临高话');
  if (countyCode === '460400' && rng.chance(0.4)) spoken.push('儋州话');
  if (rng.chance(educated ? 0.45 : TOURISM.has(primary.code) ? 0.3 : 0.05)) spoken.push('英语');
  if (TOURISM.has(primary.code) && rng.chance(0.06)) spoken.push('俄语');
  if (rng.chance(0.08)) spoken.push('粤语');
  return spoken;
}

export function generateSeeker(ctx: GeneratorContext, index: number): Seeker {
  const rng = Rng.for(ctx.seed, 'seeker', index);
  const { catalog, referenceDate, referenceDay } = ctx;
  const { places, occupations } = catalog;

  const place = places.forResidents.pick(rng);
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const birth = ctx.birthDates.slot(index);
  const age = birth.age;
  const idRegion = rng.chance(0.85) ? place.idRegionCode : places.forResidents.pick(rng).idRegionCode;
  const idBody = idRegion + birth.compact + String(birth.serial * 2 + (gender === 'male' ? 1 : 2)).padStart(3, '0');

  const primary = occupations.forSeekers.pick(rng);
  const wanted = [primary];
  if (rng.chance(0.4)) {
    const relative = rng.pick(occupations.relatives(primary.code));
    if (!wanted.includes(relative)) wanted.push(relative);
  }
  if (rng.chance(0.2)) {
    const other = occupations.forSeekers.pick(rng);
    if (!wanted.includes(other)) wanted.push(other);
  }

  const schooling = education(rng, age, primary);
  const skillLevel = clamp(SKILL_LEVELS.pick(rng) + (age > 35 && rng.chance(0.3) ? 1 : 0), 1, 5);
  const workingYears = Math.max(0, age - 18);
  const experience: Experience[] = [];
  if (workingYears > 0 && rng.chance(0.8)) {
    experience.push({ occupationCode: primary.code, years: rng.int(1, Math.min(workingYears, 5 + skillLevel * 3)) });
    if (wanted.length > 1 && rng.chance(0.3)) experience.push({ occupationCode: wanted[1].code, years: rng.int(1, Math.min(workingYears, 5)) });
  }

  const certificates: HeldCertificate[] = [];
  if (age >= 18) {
    for (const code of occupations.certificates(primary.code)) {
      if (!rng.chance(code.startsWith('SPO-') ? 0.55 : 0.25 + skillLevel * 0.08)) continue;
      const daysBack = rng.int(30, Math.max(30, Math.min(3650, Math.floor((age - 18) * DAYS_PER_YEAR))));
      const issuedOn = isoDate(referenceDay - daysBack);
      const serial = String(rng.int(0, 99_999_999)).padStart(8, '0');
      const number = code.startsWith('SPO-') ? `T46${issuedOn.slice(0, 4)}${serial.slice(2)}` : `S${issuedOn.slice(0, 4)}46${serial}`;
      certificates.push({ code, number, issuedOn });
    }
  }

  const educated = rank(schooling) >= rank('college');
  const wage = primary.wageMedian * (1 + 0.07 * (skillLevel - 1)) * (WAGE_FACTOR[place.countyCode] ?? 0.93) * rng.logNormal(1, 0.15);
  const workTypes = new Set<WorkType>([rng.pick(primary.workTypes ?? ['full_time'])]);
  if (rng.chance(0.25)) workTypes.add('part_time');
  if (rng.chance(0.08)) workTypes.add('gig');

  const priorityGroups = drawPriorityGroups(rng, { age, gender, education: schooling, place, referenceDate });
  const township = rng.pick(place.townships);
  const { lat, lng } = jitter(rng, place.center, place.code.length === 6 && place.countyCode !== place.code ? 6 : 12);

  return {
    key: `seeker-${String(index + 1).padStart(7, '0')}`,
    name: personName(rng, gender),
    residentId: idBody + residentIdCheckChar(idBody),
    phone: mobileNumber(rng, ctx.phoneSuffixes.apply(index)),
    gender,
    birthDate: birth.birthDate,
    regionCode: place.countyCode,
    address: `海南省${place.fullName}${township === place.fullName ? '' : township}${rng.pick(ROADS)}${rng.int(1, 400)}号${rng.pick(BUILDINGS)}`,
    lat,
    lng,
    travelRadiusKm: TRAVEL_RADII.pick(rng),
    desiredOccupations: wanted.map((o) => o.code),
    skills: skills(rng, wanted, skillLevel),
    certificates,
    skillLevel,
    education: schooling,
    experience,
    wageExpectation: clamp(Math.round(wage / 100) * 100, 2500, 12000),
    availableFrom: isoDate(referenceDay + rng.int(-60, 45)),
    workTypes: [...workTypes],
    languages: languages(rng, place.countyCode, primary, educated),
    priorityGroups,
    consentToSensitiveMatching: rng.chance(priorityGroups.length ? 0.8 : 0.6),
  };
}
