import { pinyin } from 'pinyin-pro';

/** Anything with a code and a Chinese name: occupations, industries, certificates. */
export interface SearchableRecord {
  code: string;
  name: string;
}

interface Entry<T> {
  record: T;
  /** Lower case, so that 'a01' finds the industry 'A01' and 'skl-4' the certificate 'SKL-4-…'. */
  code: string;
  name: string;
  /** e.g. 'ylhly' for 养老护理员 */
  initials: string;
  /** e.g. 'yanglaohuliyuan' */
  full: string;
}

const EXACT = 0;
const PREFIX = 1;
const CONTAINS = 2;
const NO_MATCH = 3;

function rank(text: string, query: string, allowContains = true): number {
  if (text === query) return EXACT;
  if (text.startsWith(query)) return PREFIX;
  return allowContains && text.includes(query) ? CONTAINS : NO_MATCH;
}

/**
 * The one taxonomy search: finds records by code prefix, by name substring and by pinyin (initials such as 'ylhly'
 * or 'hly', or full syllables such as 'yanglao'). Ranked exact > prefix > contains, then shorter name, then the
 * records' own order (code order). The pinyin index is built on the first search (about 50 ms for the occupations),
 * not when the taxonomy loads.
 */
export class TaxonomySearch<T extends SearchableRecord> {
  private entries?: Entry<T>[];

  constructor(private readonly records: readonly T[]) {}

  search(query: string, limit = 20): T[] {
    const q = query.trim().toLowerCase();
    if (!q || limit <= 0) return [];
    const pinyinQuery = /^[a-z\s]+$/.test(q) ? q.replace(/\s+/g, '') : null;
    const hits: { entry: Entry<T>; rank: number }[] = [];
    for (const entry of this.index()) {
      let best = Math.min(rank(entry.code, q, false), rank(entry.name, q));
      if (pinyinQuery) best = Math.min(best, rank(entry.initials, pinyinQuery), rank(entry.full, pinyinQuery));
      if (best < NO_MATCH) hits.push({ entry, rank: best });
    }
    // within a rank, shorter names are closer matches (except for code queries, which keep the hierarchy);
    // ties keep code order, as records are in code order and Array.prototype.sort is stable
    const byLength = !/^[\d-]+$/.test(q);
    return hits
      .sort((a, b) => a.rank - b.rank || (byLength ? a.entry.record.name.length - b.entry.record.name.length : 0))
      .slice(0, limit)
      .map((hit) => hit.entry.record);
  }

  private index(): Entry<T>[] {
    this.entries ??= this.records.map((record) => {
      const syllables = pinyin(record.name, { toneType: 'none', type: 'array', nonZh: 'removed' });
      return {
        record,
        code: record.code.toLowerCase(),
        name: record.name.toLowerCase(),
        initials: syllables.map((s) => s[0] ?? '').join(''),
        full: syllables.join(''),
      };
    });
    return this.entries;
  }
}
