import { isValidBirthDate, residentIdCheckChar } from './resident-id';

// Digit boundaries only: an ID right after a letter ("id11010519491231002X") must still be found.
const RESIDENT_ID_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;

/**
 * Every checksum-valid ID number and every mobile number in `text`, normalised (upper-case X,
 * digits only), unique, in order of first appearance. Full-width digits are folded first.
 * Used by PII-leak scans of responses, logs and index documents.
 */
export function findPersonalIdentifiers(text: string): string[] {
  const folded = text.normalize('NFKC');
  const found = new Set<string>();
  for (const [match] of folded.matchAll(RESIDENT_ID_IN_TEXT)) {
    const id = match.toUpperCase();
    if (isValidBirthDate(id.slice(6, 14)) && residentIdCheckChar(id.slice(0, 17)) === id[17]) found.add(id);
  }
  for (const match of folded.matchAll(MOBILE_IN_TEXT)) found.add(match[1] + match[2] + match[3]);
  return [...found];
}
