import { queryTerms, segmentQueryTerm } from './chinese-text';
import { isPinyinTerm } from './pinyin-initials';
import { withSynonyms } from './search-synonyms';

/** One alternative spelling of a term: the term itself or a synonym, with its words. */
export interface TermVariant {
  text: string;
  words: string[];
}

/** A query term matches when any variant does, by words, by substring or (if `pinyin`) by initials. */
export interface TermPlan {
  term: string;
  variants: TermVariant[];
  pinyin: boolean;
}

export function planQueryText(q: string): TermPlan[] {
  return queryTerms(q).map((term) => ({
    term,
    variants: withSynonyms(term).map((text) => ({ text, words: segmentQueryTerm(text) })),
    pinyin: isPinyinTerm(term),
  }));
}

/** What to mark in snippets: each variant and its words of two characters or more. */
export function highlightTerms(plans: readonly TermPlan[]): string[] {
  return plans.flatMap((plan) => plan.variants.flatMap((v) => [v.text, ...v.words.filter((w) => w.length > 1)]));
}
