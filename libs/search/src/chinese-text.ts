import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;
/** Loading the dictionary takes ~150 ms, so it happens on first use. */
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

const clean = (tokens: string[]) => tokens.map((t) => t.replace(NOT_WORD, '').toLowerCase()).filter((t) => t.length > 0);

/**
 * Index-side segmentation: words and the dictionary words inside them (search mode), so that
 * 养老护理员 yields 养老 护理 护理员 and 待处理 yields 处理 待处理.
 */
export function segmentForIndex(text: string): string[] {
  return text ? clean(segmenter().cutForSearch(text.normalize('NFKC'), true)) : [];
}

/** Query-side segmentation of one term: plain words (养老护理员 → 养老 护理员), all of which must match. */
export function segmentQueryTerm(term: string): string[] {
  return clean(segmenter().cut(term, true));
}

/** The terms of a free-text query: NFKC-folded, lower-cased, split on whitespace and punctuation. */
export function queryTerms(q: string): string[] {
  return [...new Set(q.normalize('NFKC').toLowerCase().split(NOT_WORD).filter((t) => t.length > 0))];
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;

/** Every pair of adjacent Chinese characters, once: lets a two-character query (处理) find any text containing it through an index. */
export function hanBigrams(text: string): string[] {
  const bigrams = new Set<string>();
  for (const [run] of text.normalize('NFKC').matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) bigrams.add(chars[i] + chars[i + 1]);
  }
  return [...bigrams];
}

export const isHanBigram = (term: string) => /^\p{Script=Han}{2}$/u.test(term);
