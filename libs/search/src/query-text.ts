import { LruCache } from '@app/geocoding';
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

/**
 * Plans of recent query texts. A plan depends on the text alone, and making one (the title normalizer's scan of every
 * occupation alias for each term, jieba) took ~50-90 µs, ~8% of an anonymous job search's CPU in B14; searches repeat
 * their words (popular jobs and skills, and each page of one search), so they are kept. Shared: never change a plan.
 */
const plans = new LruCache<string, TermPlan[]>(1000);

export function planQueryText(q: string): TermPlan[] {
  let plan = plans.get(q);
  if (!plan) {
    plan = makePlans(q);
    plans.set(q, plan);
  }
  return plan;
}

function makePlans(q: string): TermPlan[] {
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
