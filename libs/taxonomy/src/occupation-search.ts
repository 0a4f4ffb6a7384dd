import { pinyin } from 'pinyin-pro';
import { Occupation } from './taxonomy.types';

interface Entry {
  occupation: Occupation;
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
 * Finds occupations by code prefix, by name substring and by pinyin (initials such as 'ylhly' or 'hly', or
 * full syllables such as 'yanglao'). Ranked exact > prefix > contains, then shorter name, then code.
 * The pinyin index is built on the first search (about 50 ms), not when the taxonomy loads.
 */
export class OccupationSearch {
  private entries?: Entry[];

  constructor(private readonly occupations: readonly Occupation[]) {}

  search(query: string, limit = 20): Occupation[] {
    const q = query.trim().toLowerCase();
    if (!q || limit <= 0) return [];
    const pinyinQuery = /^[a-z\s]+$/.test(q) ? q.replace(/\s+/g, '') : null;
    const hits: { occupation: Occupation; rank: number }[] = [];
    for (const { occupation, initials, full } of this.index()) {
      let best = Math.min(rank(occupation.code, q, false), rank(occupation.name.toLowerCase(), q));
      if (pinyinQuery) best = Math.min(best, rank(initials, pinyinQuery), rank(full, pinyinQuery));
      if (best < NO_MATCH) hits.push({ occupation, rank: best });
    }
    // within a rank, shorter names are closer matches (except for code queries, which keep the hierarchy);
    // ties keep code order, as occupations are in code order and Array.prototype.sort is stable
    const byLength = !/^[\d-]+$/.test(q);
    return hits
      .sort((a, b) => a.rank - b.rank || (byLength ? a.occupation.name.length - b.occupation.name.length : 0))
      .slice(0, limit)
      .map((hit) => hit.occupation);
  }

  private index(): Entry[] {
    this.entries ??= this.occupations.map((occupation) => {
      const syllables = pinyin(occupation.name, { toneType: 'none', type: 'array', nonZh: 'removed' });
      return {
        occupation,
        initials: syllables.map((s) => s[0] ?? '').join(''),
        full: syllables.join(''),
      };
    });
    return this.entries;
  }
}
