import { Taxonomy } from '@app/taxonomy';

/**
 * One-way synonyms: a colloquial word also finds the official occupation name (2022 classification).
 * Meilisearch gets them as index settings; the PostgreSQL engine expands query terms with them.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  保姆: ['家政服务员'],
  钟点工: ['家政服务员'],
  厨师: ['中式烹调师', '西式烹调师'],
  月嫂: ['母婴护理员', '母婴护理'],
  育婴师: ['保育师'],
  护工: ['医疗护理员', '养老护理员'],
  司机: ['道路货运汽车驾驶员', '客运车辆驾驶员'],
  外卖员: ['网约配送员'],
  // 程序员 names 计算机软件工程技术人员 as a title; the classification's 计算机程序设计员 is the same job one grade down.
  程序员: ['计算机程序设计员'],
  programmer: ['计算机程序设计员'],
};

/** Title-normalizer suggestions at least this sure expand a query term with the occupation's name. */
const OCCUPATION_EXPANSION_CONFIDENCE = 0.9;

/**
 * The detailed occupation codes a query term names as an everyday title (程序员 → 2-02-10-03, chef → 4-03-02-01,
 * 月嫂 → 4-10-01-06), most likely first. Generic titles (助理, 技术员) name none.
 */
export function occupationsNamedBy(term: string): { code: string; name: string }[] {
  return Taxonomy.shared()
    .suggestOccupations(term, 3)
    .suggestions.filter((s) => s.confidence >= OCCUPATION_EXPANSION_CONFIDENCE)
    .map(({ code, name }) => ({ code, name }));
}

/**
 * The term itself, then its synonyms: the fixed ones above and the names of the occupations the term names as an
 * everyday title (程序员 → 计算机软件工程技术人员, chef words, 月嫂 → 家政服务员), so a query that names an occupation
 * also finds postings and people of that occupation by text. Generic titles (助理, 技术员) add nothing.
 */
export function withSynonyms(term: string, occupations = occupationsNamedBy(term)): string[] {
  return [...new Set([term, ...(SEARCH_SYNONYMS[term] ?? []), ...occupations.map((o) => o.name)])];
}
