import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** Characters that never carry place information: spaces, punctuation, brackets, quotes. */
const NOISE = /[\s\u3000,，、.。;；:：!！?？'"“”‘’`·•()（）[\]【】{}<>《》〈〉「」『』\-—–_~～/\\|]+/g;

/**
 * An address made comparable: NFKC (full-width letters and digits → ASCII), traditional → simplified
 * characters, no spaces or punctuation, Latin lower-cased. Pure.
 */
export function normalizeAddress(address: string): string {
  const folded = address.normalize('NFKC');
  return toSimplified(folded).replace(NOISE, '').toLowerCase();
}
