import { queryTerms, segmentQueryTerm } from './chinese-text';
import { isPinyinTerm } from './pinyin-initials';
import { occupationsNamedBy, withSynonyms } from './search-synonyms';

/** One alternative spelling of a term: the term itself or a synonym, with its words. */
export interface TermVariant {
  text: string;
  words: string[];
}

/**
 * A query term matches when any variant does, by words, by substring or (if `pinyin`) by initials, or when the
 * document has one of `occupationCodes` (the occupations the term names as an everyday title: 程序员 → 2-02-10-03).
 */
export interface TermPlan {
  term: string;
  variants: TermVariant[];
  pinyin: boolean;
  /** Detailed 2022 codes the term names (title normalizer, confident suggestions only); empty for other words. */
  occupationCodes: string[];
}

export function planQueryText(q: string): TermPlan[] {
  return queryTerms(q).map((term) => {
    const occupations = occupationsNamedBy(term);
    return {
      term,
      variants: withSynonyms(term, occupations).map((text) => ({ text, words: segmentQueryTerm(text) })),
      pinyin: isPinyinTerm(term),
      occupationCodes: occupations.map((o) => o.code),
    };
  });
}

/** What to mark in snippets: each variant and its words of two characters or more. */
export function highlightTerms(plans: readonly TermPlan[]): string[] {
  return plans.flatMap((plan) => plan.variants.flatMap((v) => [v.text, ...v.words.filter((w) => w.length > 1)]));
}
