import { readJson } from './data-dir';
import { Industry, IndustryLevel } from './taxonomy.types';

interface RawIndustryFile {
  items: { code: string; level: IndustryLevel; name: string; parent: string | null }[];
}

/** GB/T 4754-2017, in the file's order (section, then its divisions, groups and classes). */
export function loadIndustries(dataDir: string): Industry[] {
  return readJson<RawIndustryFile>(dataDir, 'industry/gbt4754-2017.json').items.map((i) => ({
    code: i.code,
    name: i.name,
    level: i.level,
    parentCode: i.parent,
  }));
}
