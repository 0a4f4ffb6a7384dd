import { isValidBirthDate, residentIdCheckChar } from './resident-id';

/**
 * The single home of "what is a mobile number or a resident ID number inside free text". The PII scan used by
 * the tests and the index guard (findPersonalIdentifiers) and the log scrubber (@app/logging) both read text
 * through detectIdentifiers, so the scrubber masks whatever the scan would report.
 *
 * Found: `13812345678`, `138-1234-5678`, `138 1234 5678`, `+8613812345678`, `+86 138-1234-5678`,
 * `8613812345678`, full-width digits (`１３８１２３４５６７８`), and 18-character ID numbers (`...X` or `...x`),
 * also when glued to words (`tel13812345678`, `id11010519491231002X`).
 * Not found, because they are not identifiers: digits after a decimal point (`0.17246848657`, an Excel date
 * serial `46363.15811202546`), digits glued only to hexadecimal letters (UUID pieces `-e155-4129-8191-`,
 * hashes, request ids), and digit runs longer than the identifier (`1234567890123456789012`).
 */
export type IdentifierKind = 'mobile' | 'resident-id';

export interface DetectedIdentifier {
  kind: IdentifierKind;
  /** Span in the text as given (folding keeps every position). */
  start: number;
  end: number;
  /** Normalised: 11 digits for a mobile number; 17 digits and a digit or upper-case X for an ID number. */
  value: string;
  /** ID numbers: a real birth date and a correct GB 11643 check character. Mobile numbers: always true. */
  valid: boolean;
}

// Digits, plus, dashes and spaces written full-width or typographically, folded one character to one
// character so that positions in the folded text are positions in the original.
const FOLD: Record<string, string> = { '\uFF0B': '+', '\uFF38': 'X', '\uFF58': 'x', '\u3000': ' ', '\u00A0': ' ', '\uFE63': '-', '\u2212': '-' };
for (let i = 0; i < 10; i++) FOLD[String.fromCharCode(0xff10 + i)] = String(i);
for (let c = 0x2010; c <= 0x2015; c++) FOLD[String.fromCharCode(c)] = '-';
FOLD['\uFF0D'] = '-';
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

function fold(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLD[c]);
}

// The same separator between the three groups of a mobile number; the country prefix has its own.
const MOBILE = /(?<!\d)(\+?86[ -]?)?(1[3-9]\d)([ -]?)(\d{4})\3(\d{4})(?!\d)/g;
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;

const isAlnum = (c: string | undefined) => c !== undefined && /[0-9A-Za-z]/.test(c);
const HEX = /^[0-9A-Fa-f]+$/;

/** Digits that continue a decimal number: `0.1724…`, `46363.1581…`, and `13812345678.5` on the right. */
function isDecimalFraction(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '.' && /\d/.test(text[start - 2] ?? '')) || (text[end] === '.' && /\d/.test(text[end + 1] ?? ''));
}

/**
 * Digits glued only to hexadecimal characters (a UUID, a hash, a request id) are part of that token, not an
 * identifier. Glued to a word with other letters (`tel`, `id`) they still count. `%2B` before the digits is a
 * percent-encoded character, not part of a token.
 */
function isInsideHexToken(text: string, start: number, end: number): boolean {
  let left = start;
  while (isAlnum(text[left - 1])) left--;
  let right = end;
  while (isAlnum(text[right])) right++;
  let before = text.slice(left, start);
  if (text[left - 1] === '%' && before.length >= 2 && HEX.test(before.slice(0, 2))) before = before.slice(2);
  const after = text.slice(end, right);
  const glued = before + after;
  if (glued === '') return isDashedHexNeighbour(text, start, end);
  return HEX.test(glued);
}

/** `…-e155-4129-8191-…`: a dashed group run whose neighbours across the dashes are hexadecimal groups. */
function isDashedHexNeighbour(text: string, start: number, end: number): boolean {
  const hexGroupBefore = /[0-9A-Fa-f]{4,}-$/.test(text.slice(Math.max(0, start - 13), start));
  const hexGroupAfter = /^-[0-9A-Fa-f]{4,}/.test(text.slice(end, end + 13));
  return hexGroupBefore && hexGroupAfter;
}

function plausible(text: string, start: number, end: number): boolean {
  return !isDecimalFraction(text, start, end) && !isInsideHexToken(text, start, end);
}

/** Every mobile number and every ID-number-shaped value in `text`, in order of position. */
export function detectIdentifiers(text: string): DetectedIdentifier[] {
  const folded = fold(text);
  const found: DetectedIdentifier[] = [];
  for (const match of folded.matchAll(RESIDENT_ID)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!plausible(folded, start, end)) continue;
    const value = match[0].toUpperCase();
    const valid = isValidBirthDate(value.slice(6, 14)) && residentIdCheckChar(value.slice(0, 17)) === value[17];
    found.push({ kind: 'resident-id', start, end, value, valid });
  }
  for (const match of folded.matchAll(MOBILE)) {
    let start = match.index;
    const end = start + match[0].length;
    if (!plausible(folded, start, end)) {
      // `A86 138…`: the country code is glued to a token, the number after its separator still counts.
      const national = start + (match[1]?.length ?? 0);
      if (national === start || /\d/.test(folded[national - 1]) || !plausible(folded, national, end)) continue;
      start = national;
    }
    found.push({ kind: 'mobile', start, end, value: match[2] + match[4] + match[5], valid: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Percent-decodes what decodes (`%2B86…`, `138%201234%205678`, full-width digits sent as `%EF%BC%91…`) and
 * leaves malformed escapes as they are, so identifiers hidden in URLs are seen too.
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
