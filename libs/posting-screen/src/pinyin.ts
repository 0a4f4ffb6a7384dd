import { pinyin } from 'pinyin-pro';
import { isHan, isLatinLetter, isSeparator } from './chars';

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true });
}

/** Toneless rendering of normalised text: 男性优先 abc → `nan xing you xian abc`. */
export function renderPinyin(normalized: string): string {
  const words: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word) words.push(word);
    word = '';
  };
  const parts = syllables(normalized);
  let k = 0;
  for (const ch of normalized) {
    const part = parts[k++] ?? ch;
    if (isHan(ch.codePointAt(0)!)) {
      flush();
      words.push(part);
    } else if (isSeparator(ch)) {
      flush();
    } else {
      word += ch;
    }
  }
  flush();
  return words.join(' ');
}

/** Latin keys for a Chinese phrase: 女士勿扰 → [`nvshiwurao`, `nushiwurao`] (ü typed as v or u). */
export function pinyinKeys(phrase: string): string[] {
  const key = syllables(phrase).join('').replace(/[^a-z]/g, '');
  return key.includes('v') ? [key, key.replace(/v/g, 'u')] : [key];
}

/**
 * The text as one run of pinyin letters: Chinese characters as their syllables, latin letters as
 * typed, separators dropped, anything else a break. Used to catch phrases typed in pinyin; a match
 * counts only if it covers a latin letter the user typed, so Chinese homophones never match.
 */
export interface PinyinStream {
  text: string;
  /** Normalised-text UTF-16 offset and length of the character each stream letter came from. */
  origin: Int32Array;
  originLength: Uint8Array;
  /** Which character (unit) of the normalised text a stream letter belongs to. */
  unit: Int32Array;
  typedLatin: Uint8Array;
}

export function buildPinyinStream(normalized: string): PinyinStream {
  const parts = syllables(normalized);
  const letters: string[] = [];
  const origin: number[] = [];
  const originLength: number[] = [];
  const unit: number[] = [];
  const typedLatin: number[] = [];
  const push = (letter: string, at: number, len: number, unitId: number, latin: boolean): void => {
    letters.push(letter);
    origin.push(at);
    originLength.push(len);
    unit.push(unitId);
    typedLatin.push(latin ? 1 : 0);
  };
  let at = 0;
  let k = 0;
  let unitId = 0;
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    const part = parts[k++] ?? ch;
    unitId++;
    if (isLatinLetter(cp)) {
      push(ch, at, ch.length, unitId, true);
    } else if (isHan(cp) && /^[a-z]+$/.test(part)) {
      for (const letter of part) push(letter, at, ch.length, unitId, false);
    } else if (!isSeparator(ch)) {
      push('|', at, ch.length, unitId, false);
    }
    at += ch.length;
  }
  return {
    text: letters.join(''),
    origin: Int32Array.from(origin),
    originLength: Uint8Array.from(originLength),
    unit: Int32Array.from(unit),
    typedLatin: Uint8Array.from(typedLatin),
  };
}

/** A stream match [start, end) is usable if it covers whole characters and a typed latin letter. */
export function isTypedPinyinMatch(stream: PinyinStream, start: number, end: number): boolean {
  if (start > 0 && stream.unit[start - 1] === stream.unit[start]) return false;
  if (end < stream.text.length && stream.unit[end] === stream.unit[end - 1]) return false;
  for (let i = start; i < end; i++) if (stream.typedLatin[i]) return true;
  return false;
}
