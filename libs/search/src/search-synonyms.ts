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
};

/** The term itself, then its synonyms. */
export function withSynonyms(term: string): string[] {
  return [term, ...(SEARCH_SYNONYMS[term] ?? [])];
}
