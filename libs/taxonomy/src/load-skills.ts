import { readJson } from './data-dir';
import { Certificate, EightGradeStep, SkillLevel } from './taxonomy.types';

export const SKILL_CERTIFICATE_KIND = '职业技能等级证书';
export const SPECIAL_OPERATION_CERTIFICATE_KIND = '特种作业操作证';

interface RawSkillLevels {
  five_level_system: { levels: { code: string; rank: SkillLevel['level']; level_name: string; title: string; label: string }[] };
  new_eight_level_ladder: { levels: { rank: number; title: string; in_five_level_system: string | null }[] };
}

interface RawCertifiable {
  items: { name: string; code: string | null }[];
}

interface RawSpecialOperations {
  categories: { no: number; name: string; items: { name: string }[] }[];
}

/** The catalogue's last category, 应急管理部认定的其他作业, is a catch-all, not a certificate. */
const OTHER_OPERATIONS_CATEGORY = 11;

/**
 * Certificates a shortage may require:
 * - 职业技能等级证书 for each commonly certified occupation: 'SKL-<occupation code>', e.g. 'SKL-4-10-01-05'
 *   养老护理员 (entries without a 2022 code, i.e. 育婴员, are left out);
 * - 特种作业操作证 for each item of the 特种作业目录: 'SPO-<category>.<item>' in catalogue order, e.g. 'SPO-1.2'
 *   低压电工作业; a category whose items are not compiled in the data is one certificate 'SPO-<category>'.
 */
export function loadCertificates(dataDir: string): Certificate[] {
  const certifiable = readJson<RawCertifiable>(dataDir, 'skills/common-certifiable-occupations.json').items;
  const skill = certifiable.flatMap(({ name, code }) =>
    code ? [{ code: `SKL-${code}`, name: `${name}${SKILL_CERTIFICATE_KIND}`, kind: SKILL_CERTIFICATE_KIND, occupationCode: code }] : [],
  );
  const catalogue = readJson<RawSpecialOperations>(dataDir, 'skills/special-operations-catalog.json').categories;
  const special = catalogue
    .filter((category) => category.no !== OTHER_OPERATIONS_CATEGORY)
    .flatMap((category) => {
      const items = category.items.length
        ? category.items.map((item, i) => ({ id: `${category.no}.${i + 1}`, name: item.name }))
        : [{ id: `${category.no}`, name: category.name }];
      return items.map(({ id, name }) => ({
        code: `SPO-${id}`,
        name: `${SPECIAL_OPERATION_CERTIFICATE_KIND}（${name}）`,
        kind: SPECIAL_OPERATION_CERTIFICATE_KIND,
        occupationCode: null,
      }));
    });
  return [...skill, ...special];
}

export function loadSkillLevels(dataDir: string): { levels: SkillLevel[]; ladder: EightGradeStep[] } {
  const raw = readJson<RawSkillLevels>(dataDir, 'skills/skill-levels.json');
  const levels = raw.five_level_system.levels
    .map((l) => ({ level: l.rank, name: l.label, grade: l.level_name, title: l.title }))
    .sort((a, b) => a.level - b.level);
  const rankByCode = new Map(raw.five_level_system.levels.map((l) => [l.code, l.rank]));
  const ladder = raw.new_eight_level_ladder.levels.map((step) => ({
    grade: step.rank,
    name: step.title,
    skillLevel: step.in_five_level_system ? (rankByCode.get(step.in_five_level_system) ?? null) : null,
  }));
  return { levels, ladder };
}
