import { pinyin } from 'pinyin-pro';
import { segmentForIndex } from './chinese-text';

const HAN = /\p{Script=Han}/u;

/** 养老护理员 → 'ylhly'; characters other than Chinese are dropped. */
export function pinyinInitials(phrase: string): string {
  const han = [...phrase].filter((ch) => HAN.test(ch)).join('');
  if (!han) return '';
  return pinyin(han, { toneType: 'none', type: 'array' })
    .map((syllable) => syllable[0] ?? '')
    .join('');
}

/** Bounded memo: occupation and skill names repeat across millions of documents. */
const memo = new Map<string, string[]>();
const MEMO_LIMIT = 50_000;

/**
 * Initials of each phrase and of the words inside it, so that 'hly' (护理员) and 'ylhly' (养老护理员)
 * both find 养老护理员: ['ylhly', 'yl', 'hl', 'hly'].
 */
export function initialsForIndex(phrases: readonly string[]): string[] {
  const all = new Set<string>();
  for (const phrase of phrases) {
    let initials = memo.get(phrase);
    if (!initials) {
      initials = [...new Set([phrase, ...segmentForIndex(phrase)].map(pinyinInitials).filter((s) => s.length > 1))];
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(phrase, initials);
    }
    initials.forEach((s) => all.add(s));
  }
  return [...all];
}

/** A query term that can only be pinyin initials or syllables. */
export const isPinyinTerm = (term: string) => /^[a-z]{2,}$/.test(term);
