import { educationRank } from '@app/taxonomy';
import { GeneratorContext } from './context';
import { employerDraft, EmployerDraft } from './employers.generator';
import { isoDate } from './dates';
import { jitter } from './geo';
import { Rng, WeightedTable } from './prng';
import { shortageDescription, TRAINING_OFFERS } from './shortage-text';
import { Education, EDUCATION_LEVELS, PolicyDirection, Shortage, SizeClass, Skill, Urgency, WorkType } from './types';

/** 1-20 people, mostly few: a power law with bumps at round numbers (5, 10, 15, 20), mean about 6. */
const HEADCOUNTS = new WeightedTable(
  Array.from({ length: 20 }, (_, i) => i + 1),
  Array.from({ length: 20 }, (_, i) => (i + 1) ** -0.8 * ((i + 1) % 5 === 0 ? 2 : 1)),
);
/** A micro firm rarely needs 15 people at once: draws above its cap are redrawn below it. */
const HEADCOUNT_CAP: Record<SizeClass, number> = { micro: 8, small: 15, medium: 20, large: 20 };
const SIZE_RANK: Record<SizeClass, number> = { micro: 0, small: 1, medium: 2, large: 3 };
const URGENCY = new WeightedTable<Urgency>(['normal', 'urgent', 'critical'], [65, 25, 10]);
const MIN_SKILL_LEVEL = new WeightedTable([1, 2, 3], [55, 30, 15]);
const EXPERIENCE_YEARS = new WeightedTable([0, 1, 2, 3, 5], [40, 25, 18, 12, 5]);
/** Sites of these sectors move with the project, so the work place can be far from the office. */
const PROJECT_SECTORS = new Set(['construction', 'agriculture', 'utilities']);
/** Jobs that suit many disabled people (e.g. 盲人按摩, call centres, data labelling, e-commerce). */
const DISABLED_FRIENDLY = new Set(['4-10-04-02', '4-04-05-03', '4-04-05-05', '4-01-06-01', '4-01-06-02', '4-01-02-04', '4-07-02-05']);

/** Larger firms post more: of two random employers, prefer the larger one half of the time. */
function pickEmployer(ctx: GeneratorContext, rng: Rng): EmployerDraft {
  const count = ctx.sizes.employers;
  const first = employerDraft(ctx, rng.int(0, count - 1));
  if (!rng.chance(0.5)) return first;
  const second = employerDraft(ctx, rng.int(0, count - 1));
  return SIZE_RANK[second.employer.sizeClass] > SIZE_RANK[first.employer.sizeClass] ? second : first;
}

function policyDirection(rng: Rng, draft: EmployerDraft, occupationDirection: PolicyDirection): PolicyDirection {
  const { ownership, sizeClass } = draft.employer;
  if ((ownership === 'soe' || ownership === 'public_institution') && rng.chance(0.3)) return 'public_soe';
  if ((ownership === 'individual_business' || sizeClass === 'micro' || sizeClass === 'small') && rng.chance(0.2)) return 'private_sme';
  return rng.chance(0.7) ? draft.sector.direction : occupationDirection;
}

export function generateShortage(ctx: GeneratorContext, index: number): Shortage {
  const rng = Rng.for(ctx.seed, 'shortage', index);
  const { catalog, referenceDay } = ctx;
  const draft = pickEmployer(ctx, rng);
  const { employer, sector } = draft;
  const profile = catalog.occupations.profile(catalog.hires(sector).pick(rng));

  const drawn = HEADCOUNTS.pick(rng);
  const headcount = drawn <= HEADCOUNT_CAP[employer.sizeClass] ? drawn : rng.int(1, HEADCOUNT_CAP[employer.sizeClass]);
  const minSkillLevel = MIN_SKILL_LEVEL.pick(rng);
  const shuffled = rng.sample(profile.skills, profile.skills.length);
  const requiredCount = rng.int(2, Math.min(4, shuffled.length - 1));
  const requiredSkills: Skill[] = shuffled.slice(0, requiredCount).map((name) => ({ name, level: Math.min(5, minSkillLevel + rng.int(0, 1)) }));
  const preferredSkills: Skill[] = shuffled.slice(requiredCount, requiredCount + rng.int(0, 3)).map((name) => ({ name, level: Math.min(5, minSkillLevel + rng.int(0, 2)) }));
  const requiredCertificates = catalog.occupations.certificates(profile.code).filter((code) => rng.chance(code.startsWith('SPO-') ? 0.75 : 0.2));

  const rung = Math.max(0, Math.min(EDUCATION_LEVELS.length - 1, educationRank(profile.education) + (rng.chance(0.2) ? -1 : rng.chance(0.1) ? 1 : 0)));
  const education: Education = EDUCATION_LEVELS[rung];
  const urgency = URGENCY.pick(rng);
  const median = profile.wageMedian * (urgency === 'critical' ? 1.1 : urgency === 'urgent' ? 1.05 : 1) * (0.9 + 0.07 * minSkillLevel) * rng.logNormal(1, 0.1);
  const wageMin = Math.max(2500, Math.round((median * 0.85) / 100) * 100);
  const wageMax = Math.min(15000, wageMin + rng.int(5, 30) * 100);
  const workType: WorkType = rng.pick(profile.workTypes ?? ['full_time']);
  const payBasis = workType === 'part_time' || workType === 'gig' ? (profile.payBasis === 'piece' ? 'piece' : 'hourly') : (profile.payBasis ?? 'monthly');
  const shifts = rng.pick(profile.shifts ?? ['朝九晚六，周末双休', '每天8小时，做六休一', '五天八小时，周末轮休']);

  const site = PROJECT_SECTORS.has(sector.key) && rng.chance(0.6) ? catalog.places.forEmployers.pick(rng) : null;
  const { lat, lng } = jitter(rng, site ? site.center : employer, site ? 10 : 1.5);
  const address = site ? `海南省${site.fullName}${rng.pick(site.townships)}（${rng.pick(['安居房项目', '道路改造项目', '产业园项目', '城市更新项目', '基地'])}）` : employer.address;

  const deadlineOffset = rng.int(14, 90);
  const trainingOffered = rng.chance(0.45) ? rng.pick(TRAINING_OFFERS) : null;
  const acceptsTrainees = rng.chance(profile.education === 'college' || profile.education === 'bachelor' ? 0.5 : 0.2);
  const openToDisabled = rng.chance(DISABLED_FRIENDLY.has(profile.code) ? 0.8 : 0.2);

  const facts = {
    employerName: employer.name,
    occupationName: profile.name,
    headcount,
    requiredSkills,
    preferredSkills,
    certificateNames: requiredCertificates.map((code) => catalog.taxonomy.requireCertificate(code).name),
    education,
    experienceYears: EXPERIENCE_YEARS.pick(rng),
    wageMin,
    wageMax,
    payBasis,
    workType,
    shifts,
    address,
    trainingOffered,
    openToDisabled,
    acceptsTrainees,
  } as const;

  return {
    key: `shortage-${String(index + 1).padStart(5, '0')}`,
    employerKey: employer.key,
    occupationCode: profile.code,
    industryCode: employer.industryCode,
    headcount,
    requiredSkills,
    preferredSkills,
    requiredCertificates,
    minSkillLevel,
    education,
    experienceYears: facts.experienceYears,
    wageMin,
    wageMax,
    payBasis,
    workType,
    shifts,
    regionCode: site ? site.countyCode : employer.regionCode,
    address,
    lat,
    lng,
    startDate: isoDate(referenceDay + rng.int(0, Math.min(60, deadlineOffset))),
    deadline: isoDate(referenceDay + deadlineOffset),
    trainingOffered,
    acceptsTrainees,
    urgency,
    openToDisabled,
    policyDirection: policyDirection(rng, draft, profile.direction),
    description: shortageDescription(rng, facts),
  };
}
