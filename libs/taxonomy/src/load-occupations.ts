import { readJson } from './data-dir';
import { Occupation, OccupationLevel } from './taxonomy.types';

interface RawOccupation {
  code: string;
  level: OccupationLevel;
  name: string;
  parent: string | null;
  green?: boolean;
  digital?: boolean;
}

interface RawOccupationFile {
  items: RawOccupation[];
}

/**
 * Names the source text truncated (or lost), completed where the data's own `flags` give the full name.
 * 1-04-01-04 is flagged "probably"; it is its parent's name with 其他, the pattern of every 其他… occupation.
 */
const NAME_FIXES: Record<string, string> = {
  '1-04-01-04': '其他人民团体和群众团体负责人',
  '2-01-11-00': '军事学研究人员',
  '2-07-07': '审判辅助人员',
  '4-08-05': '检验、检测和计量服务人员',
  '6-03-02-02': '烟用丝束制造工',
  '6-04-04-03': '横机工',
};

/**
 * Levels 1–2 come from the complete major/medium file (79 medium categories, with 4-01's name restored and
 * 7-04 文职人员 added); levels 3–4 from the full 2022 file. Sorted by code, which is a pre-order walk.
 */
export function loadOccupations(dataDir: string): Occupation[] {
  const majorMedium = readJson<RawOccupationFile>(dataDir, 'occupations/occupations-2022-major-medium.json').items;
  const all = readJson<RawOccupationFile>(dataDir, 'occupations/occupations-2022.json').items;
  const raw = [...majorMedium, ...all.filter((o) => o.level >= 3)];
  return raw
    .map((o) => ({
      code: o.code,
      // a few names use ASCII parentheses, e.g. 军士(警士); the classification uses full-width ones
      name: (NAME_FIXES[o.code] ?? o.name).replace(/\(/g, '（').replace(/\)/g, '）'),
      level: o.level,
      parentCode: o.parent,
      green: o.green === true,
      digital: o.digital === true,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
