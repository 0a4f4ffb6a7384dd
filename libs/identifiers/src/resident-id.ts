/** GB 11643-1999 citizen identification number: 6-digit region, 8-digit birth date, 3-digit sequence, check char. */

export type Gender = 'male' | 'female';

export interface ResidentIdInfo {
  regionCode: string;
  birthDate: string;
  gender: Gender;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[1-9]\d{16}[\dX]$/;

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error('residentIdCheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True for a real calendar date between 1900-01-01 and today written as YYYYMMDD. */
export function isValidBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  if (!/^(19|20)\d{6}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
}

/** Trims and upper-cases a typed ID number (a lower-case 'x' is a common typing variant). */
export function normalizeResidentId(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * A first-generation 15-digit ID number (6-digit region, YYMMDD birth date in the 1900s, 3-digit sequence) as its
 * 18-digit form, as the GB 11643-1999 upgrade writes it; null when it is not 15 digits.
 */
export function upgradeResidentId15(id15: string): string | null {
  if (!/^[1-9]\d{14}$/.test(id15)) return null;
  const body17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body17 + residentIdCheckChar(body17);
}

/** Strict: 18 chars, upper-case 'X', real birth date, correct check char. */
export function isValidResidentId(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    SHAPE.test(s) &&
    isValidBirthDate(s.slice(6, 14)) &&
    residentIdCheckChar(s.slice(0, 17)) === s[17]
  );
}

export function parseResidentId(s: string): ResidentIdInfo | null {
  if (!isValidResidentId(s)) return null;
  return {
    regionCode: s.slice(0, 6),
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    gender: Number(s[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Builds a valid ID number (for generators and tests). `birthDate` is YYYY-MM-DD or YYYYMMDD;
 * `sequence` is 0-999, odd for men and even for women.
 */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number | string): string {
  if (!/^[1-9]\d{5}$/.test(regionCode)) throw new Error('makeResidentId: region code must be 6 digits');
  const date = birthDate.replace(/-/g, '');
  if (!isValidBirthDate(date)) throw new Error(`makeResidentId: invalid birth date ${birthDate}`);
  const seq = String(sequence).padStart(3, '0');
  if (!/^\d{3}$/.test(seq)) throw new Error('makeResidentId: sequence must be 0-999');
  const body = regionCode + date + seq;
  return body + residentIdCheckChar(body);
}
