/** GB 32100-2015 unified social credit code (统一社会信用代码). */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters (check = 31 - sum mod 31, 31 wrapping to 0). */
export function creditCodeCheckChar(body17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(body17)) {
    throw new Error('creditCodeCheckChar: expected 17 characters from the GB 32100 alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(body17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(s: unknown): s is string {
  return typeof s === 'string' && SHAPE.test(s) && creditCodeCheckChar(s.slice(0, 17)) === s[17];
}

export function makeCreditCode(body17: string): string {
  return body17 + creditCodeCheckChar(body17);
}

const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 organisation code (positions 9-17 of a credit code): 8 chars plus its own MOD 11 check char.
 * Real credit codes embed one; generators use this to look real.
 */
export function makeOrganizationCode(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('makeOrganizationCode: expected 8 digits or capital letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(body8[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return body8 + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}
