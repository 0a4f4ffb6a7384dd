/** Character classes used by the normaliser and the pinyin stream. All take one code point. */

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    cp === 0x3007 // 〇
  );
}

export function isLatinLetter(cp: number): boolean {
  return cp >= 0x61 && cp <= 0x7a; // a-z (the normaliser lower-cases first)
}

export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/**
 * Clause delimiters, after NFKC (，；！？： have become ASCII). Between two multi-character Chinese
 * segments they are kept, so separate clauses do not merge into new phrases.
 */
const CLAUSE_DELIMITERS = new Set([',', ';', '!', '?', ':', '。', '、', '\n', '\r']);

export function isClauseDelimiter(ch: string): boolean {
  return CLAUSE_DELIMITERS.has(ch);
}

const SEPARATOR = /^[\s\p{P}\p{S}]$/u;
const separatorCache = new Map<string, boolean>();

/** Whitespace, punctuation or symbol (emoji included). */
export function isSeparator(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (isHan(cp) || isLatinLetter(cp) || isDigit(cp)) return false;
  let known = separatorCache.get(ch);
  if (known === undefined) {
    known = SEPARATOR.test(ch);
    if (separatorCache.size < 10_000) separatorCache.set(ch, known);
  }
  return known;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** Zero-width and other invisible characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen, variation selectors…). */
export function isIgnorable(ch: string): boolean {
  return IGNORABLE.test(ch);
}
