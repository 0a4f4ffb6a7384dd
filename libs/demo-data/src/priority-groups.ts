import { HAINAN_SCHOOLS } from './catalog/names';
import { Place } from './places';
import { Rng } from './prng';
import { Education, Gender, PriorityGroup } from './types';

/** Autonomous counties and central mountain areas, where more families left poverty recently. */
const RURAL_COUNTIES = new Set(['469001', '469022', '469025', '469026', '469027', '469029', '469030', '469007', '469024']);
const UNIVERSITIES = HAINAN_SCHOOLS.filter((s) => /大学|学院$/.test(s) && !/职业/.test(s));
const VOCATIONAL_COLLEGES = HAINAN_SCHOOLS.filter((s) => /职业|学校/.test(s));
const DISABILITIES = ['肢体残疾四级', '肢体残疾三级', '听力残疾四级', '视力残疾四级', '言语残疾四级'];

export interface PersonFacts {
  age: number;
  gender: Gender;
  education: Education;
  place: Place;
  referenceDate: string;
}

/**
 * Priority groups with their evidence, drawn so that about 10-15% of seekers have at least one: recent
 * graduates only among 20-25-year-olds with a college degree, 就业困难人员 more often among older people.
 */
export function drawPriorityGroups(rng: Rng, person: PersonFacts): PriorityGroup[] {
  const { age, gender, education, place, referenceDate } = person;
  const groups: PriorityGroup[] = [];
  const year = Number(referenceDate.slice(0, 4));
  const tertiary = education === 'college' || education === 'bachelor' || education === 'master';

  if (tertiary && age >= 20 && age <= 25 && rng.chance(0.45)) {
    const graduationYear = referenceDate.slice(5) >= '06-30' ? year - rng.int(0, 1) : year - rng.int(1, 2);
    const school = education === 'college' ? rng.pick(VOCATIONAL_COLLEGES) : rng.pick(UNIVERSITIES);
    groups.push({
      group: 'college_graduate',
      evidence: `${school}${graduationYear}届毕业生，学历信息已通过学信网核验`,
      graduationDate: `${graduationYear}-06-30`,
      school,
    });
  }
  if (rng.chance(RURAL_COUNTIES.has(place.countyCode) ? 0.05 : 0.015)) {
    groups.push({ group: 'poverty_alleviated', evidence: `${place.fullName}脱贫户家庭成员，已纳入防止返贫监测帮扶系统` });
  }
  if (age >= 18 && rng.chance(0.025)) {
    groups.push({ group: 'migrant_worker', evidence: `农村户籍劳动力，在${place.fullName}办理外出务工登记` });
  }
  if (age >= 20 && rng.chance(gender === 'male' ? 0.02 : 0.003)) {
    groups.push({ group: 'veteran', evidence: '退役士兵，持退役军人优待证' });
  }
  if (age >= 18 && rng.chance(0.025)) {
    const month = rng.int(1, 12);
    groups.push({ group: 'registered_unemployed', evidence: `${month > 6 ? year - 1 : year}年${month}月在${place.fullName}公共就业服务机构办理失业登记` });
  }
  const olderWorker = (gender === 'female' && age >= 40) || (gender === 'male' && age >= 50);
  if (rng.chance(olderWorker ? 0.04 : 0.005)) {
    groups.push({ group: 'hard_to_employ', evidence: olderWorker ? '经认定为就业困难人员（大龄失业人员）' : '经认定为就业困难人员（连续失业一年以上）' });
  }
  if (rng.chance(0.008)) {
    groups.push({ group: 'disabled', evidence: `持第二代残疾人证（${rng.pick(DISABILITIES)}）` });
  }
  return groups;
}
