import { Converter } from 'opencc-js/t2cn';
import { isClauseDelimiter, isDigit, isHan, isIgnorable, isSeparator } from './chars';
import { isNumeralChar, parseChineseNumeral, shouldConvertNumeral } from './chinese-numerals';
import { renderPinyin } from './pinyin';

/**
 * Normalised text plus, for every UTF-16 unit of it, the span of the original text it came from, so
 * a match can be shown as the user typed it.
 */
export interface NormalizedText {
  text: string;
  originStart: Int32Array;
  originEnd: Int32Array;
}

/** Code points with their original spans; each step maps one list to the next. */
interface Tokens {
  chars: string[];
  starts: number[];
  ends: number[];
}

const toSimplified = Converter({ from: 'tw', to: 'cn' });

function isPlainCjk(cp: number): boolean {
  return cp >= 0x4e00 && cp <= 0x9fff;
}

/** NFKC (full-width → half-width), invisible characters removed, latin lower-cased. */
function foldCharacters(text: string): Tokens {
  const out: Tokens = { chars: [], starts: [], ends: [] };
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const end = i + ch.length;
    if (cp < 0x80) {
      out.chars.push(cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch);
      out.starts.push(i);
      out.ends.push(end);
    } else if (isPlainCjk(cp)) {
      out.chars.push(ch);
      out.starts.push(i);
      out.ends.push(end);
    } else {
      for (const folded of ch.normalize('NFKC')) {
        if (isIgnorable(folded)) continue;
        out.chars.push(folded.length === 1 && folded >= 'A' && folded <= 'Z' ? folded.toLowerCase() : folded);
        out.starts.push(i);
        out.ends.push(end);
      }
    }
    i = end;
  }
  return out;
}

/** Whether each character seen so far changes when converted alone (cached: the converter is slow). */
const changesAlone = new Map<string, boolean>();

/**
 * Whether the text has a character the converter changes. Phrase conversions always involve such a
 * character, so text without one is left as it is and the slow phrase-aware conversion is skipped.
 */
function hasTraditional(chars: readonly string[]): boolean {
  for (const ch of chars) {
    if (ch.length === 1 && ch.charCodeAt(0) < 0x3400) continue;
    let changes = changesAlone.get(ch);
    if (changes === undefined) {
      changes = toSimplified(ch) !== ch;
      if (changesAlone.size < 100_000) changesAlone.set(ch, changes);
    }
    if (changes) return true;
  }
  return false;
}

/** Traditional → simplified in place; phrase-aware when the converter keeps the length. */
function simplify(tokens: Tokens): void {
  if (!hasTraditional(tokens.chars)) return;
  const joined = tokens.chars.join('');
  const converted = toSimplified(joined);
  if (converted === joined) return;
  const convertedChars = [...converted];
  if (convertedChars.length === tokens.chars.length) {
    tokens.chars = convertedChars;
  } else {
    tokens.chars = tokens.chars.map((ch) => toSimplified(ch));
  }
}

/**
 * Whether the Chinese text starting at `index` is a single character standing alone (男 in 男，性),
 * counting across separators that will be dropped (男 性 is two characters), and not a unit glued to
 * a number or a latin word (天 in 4天，).
 */
function isLoneCharFrom(tokens: Tokens, index: number): boolean {
  let i = index + 1;
  while (i < tokens.chars.length && isSeparator(tokens.chars[i]) && !isClauseDelimiter(tokens.chars[i])) i++;
  const next = kindAt(tokens, i);
  if (next === 'han') return false;
  return i > index + 1 || next === undefined || isSeparator(tokens.chars[i]);
}

type CharKind = 'han' | 'digit' | 'other';

function kindAt(tokens: Tokens, index: number): CharKind | undefined {
  const ch = tokens.chars[index];
  if (ch === undefined) return undefined;
  const cp = ch.codePointAt(0)!;
  return isHan(cp) ? 'han' : isDigit(cp) ? 'digit' : 'other';
}

/**
 * Spaces, punctuation and symbols between Chinese characters are removed (男 性 优 先, 男-性-优-先,
 * 男·性), and so are those between a Chinese character and a digit (押 金 2 0 0 元) and spaces
 * between digits. Clause delimiters (，。；、…) are removed only when one side is a lone character
 * (男，性，优，先): between longer segments they separate clauses, and removing them would merge
 * `男女不限，男性需上夜班` into `…不限男性…`. Whitespace next to a Chinese character is always removed.
 */
function collapseSeparators(tokens: Tokens): Tokens {
  const out: Tokens = { chars: [], starts: [], ends: [] };
  let leftHanRun = 0;
  /** The Chinese run ending the output so far follows a digit or latin letter directly (4天). */
  let leftRunGlued = false;
  let leftKind: CharKind | undefined;
  const n = tokens.chars.length;
  let i = 0;
  while (i < n) {
    const ch = tokens.chars[i];
    if (!isSeparator(ch)) {
      const kind = kindAt(tokens, i);
      if (kind === 'han' && leftHanRun === 0) leftRunGlued = leftKind === 'digit' || leftKind === 'other';
      leftKind = kind;
      leftHanRun = kind === 'han' ? leftHanRun + 1 : 0;
      out.chars.push(ch);
      out.starts.push(tokens.starts[i]);
      out.ends.push(tokens.ends[i]);
      i++;
      continue;
    }
    let j = i;
    let hasClause = false;
    let allSpace = true;
    while (j < n && isSeparator(tokens.chars[j])) {
      if (isClauseDelimiter(tokens.chars[j])) hasClause = true;
      if (!/\s/.test(tokens.chars[j])) allSpace = false;
      j++;
    }
    const rightKind = kindAt(tokens, j);
    const hanBefore = leftKind === 'han';
    const hanAfter = rightKind === 'han';
    let drop: boolean;
    if (hasClause) {
      drop = hanBefore && hanAfter && ((leftHanRun === 1 && !leftRunGlued) || isLoneCharFrom(tokens, j));
    } else {
      const words = (hanBefore && (hanAfter || rightKind === 'digit')) || (hanAfter && leftKind === 'digit');
      const spaces = allSpace && (hanBefore || hanAfter || (leftKind === 'digit' && rightKind === 'digit'));
      drop = words || spaces;
    }
    if (!drop) {
      for (let k = i; k < j; k++) {
        // Between Chinese text only the delimiters themselves matter; spaces around them go.
        if ((hanBefore || hanAfter) && !isClauseDelimiter(tokens.chars[k]) && /\s/.test(tokens.chars[k])) continue;
        out.chars.push(tokens.chars[k]);
        out.starts.push(tokens.starts[k]);
        out.ends.push(tokens.ends[k]);
      }
      leftHanRun = 0;
      leftKind = 'other';
    }
    i = j;
  }
  return out;
}

/** 三十五岁 → 35岁, 十八至三十岁 → 18至30岁, 两百元 → 200元. */
function convertNumerals(tokens: Tokens): Tokens {
  const out: Tokens = { chars: [], starts: [], ends: [] };
  const n = tokens.chars.length;
  let i = 0;
  while (i < n) {
    if (!isNumeralChar(tokens.chars[i])) {
      out.chars.push(tokens.chars[i]);
      out.starts.push(tokens.starts[i]);
      out.ends.push(tokens.ends[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < n && isNumeralChar(tokens.chars[j])) j++;
    const run = tokens.chars.slice(i, j).join('');
    const after = tokens.chars.slice(j, j + 3).join('');
    const before = i > 0 ? tokens.chars[i - 1] : '';
    if (shouldConvertNumeral(run, after, before)) {
      for (const digit of String(parseChineseNumeral(run))) {
        out.chars.push(digit);
        out.starts.push(tokens.starts[i]);
        out.ends.push(tokens.ends[j - 1]);
      }
    } else {
      for (let k = i; k < j; k++) {
        out.chars.push(tokens.chars[k]);
        out.starts.push(tokens.starts[k]);
        out.ends.push(tokens.ends[k]);
      }
    }
    i = j;
  }
  return out;
}

function toNormalizedText(tokens: Tokens): NormalizedText {
  const text = tokens.chars.join('');
  const originStart = new Int32Array(text.length);
  const originEnd = new Int32Array(text.length);
  let u = 0;
  tokens.chars.forEach((ch, k) => {
    for (let c = 0; c < ch.length; c++, u++) {
      originStart[u] = tokens.starts[k];
      originEnd[u] = tokens.ends[k];
    }
  });
  return { text, originStart, originEnd };
}

/** The normalised text with a map back to the original; the screen's single normalisation step. */
export function normalizeWithOrigin(text: string): NormalizedText {
  const folded = foldCharacters(text);
  simplify(folded);
  return toNormalizedText(convertNumerals(collapseSeparators(folded)));
}

/**
 * Normalises a posting text for matching: NFKC, invisible characters removed, latin lower-cased,
 * traditional → simplified, separators between Chinese characters removed, Chinese numerals → digits.
 * `pinyin` is a toneless rendering of the normalised text (男性优先 → `nan xing you xian`).
 */
export function normalizePostingText(text: string): { normalized: string; pinyin: string } {
  const normalized = normalizeWithOrigin(text).text;
  return { normalized, pinyin: renderPinyin(normalized) };
}
