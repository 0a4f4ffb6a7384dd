import { detectIdentifiers, percentDecode } from './identifiers-in-text';

/**
 * Every checksum-valid ID number and every mobile number in `text`, normalised (upper-case X,
 * digits only), unique, ID numbers first, each kind in order of first appearance. Full-width digits are folded, and percent-encoded
 * text (URLs) is read decoded as well. Used by PII-leak scans of responses, logs and index documents.
 * What counts as an identifier is decided in one place, detectIdentifiers, shared with the log scrubber.
 */
export function findPersonalIdentifiers(text: string): string[] {
  const ids = new Set<string>();
  const mobiles = new Set<string>();
  for (const form of textForms(text)) {
    for (const detected of detectIdentifiers(form)) {
      if (detected.valid) (detected.kind === 'resident-id' ? ids : mobiles).add(detected.value);
    }
  }
  return [...ids, ...mobiles];
}

/** The text as given and, when different, percent-decoded and NFKC-normalised: how the scan and the scrubber read it. */
export function textForms(text: string): string[] {
  const normalized = percentDecode(text).normalize('NFKC');
  return normalized === text ? [text] : [text, normalized];
}

/** `138****5678` and `460***********1234` in place of every identifier (ID-shaped values even with a wrong checksum). */
export function maskIdentifiers(text: string): string {
  let out = '';
  let at = 0;
  for (const detected of detectIdentifiers(text)) {
    if (detected.start < at) continue;
    const v = detected.value;
    out += text.slice(at, detected.start) + (detected.kind === 'mobile' ? `${v.slice(0, 3)}****${v.slice(7)}` : `${v.slice(0, 3)}${'*'.repeat(11)}${v.slice(14)}`);
    at = detected.end;
  }
  return out + text.slice(at);
}

/**
 * Text with no numeric character of any script, no percent escape and none of the CJK compatibility symbols whose
 * NFKC form holds a digit (`㋀` is `1月`, `㍘` is `0点`; the spec checks this list against every code point) cannot
 * hold an identifier. Most log messages and URLs are such text, and are returned as they are.
 */
export const MAY_HOLD_DIGITS = /[\p{N}%\u32C0-\u32CB\u3358-\u3370\u3378\u3379\u339F-\u33A6\u33A8\u33AF\u33E0-\u33FE]/u;

/**
 * Text safe to log: every identifier findPersonalIdentifiers would report is masked. When identifiers hide in
 * percent-encoding or unusual code points, the decoded, normalised form is returned, masked. Masking changes the
 * neighbours of other digits, so it is repeated until nothing is found (and, in the unlikely case it does not settle,
 * every digit is masked).
 */
export function scrubIdentifiers(text: string): string {
  if (!MAY_HOLD_DIGITS.test(text)) return text;
  let current = text;
  for (let round = 0; round < 10; round++) {
    if (detectIdentifiers(current).length) {
      current = maskIdentifiers(current);
      continue;
    }
    const normalized = percentDecode(current).normalize('NFKC');
    if (normalized === current || detectIdentifiers(normalized).length === 0) return current;
    current = maskIdentifiers(normalized);
  }
  return current.replace(/[0-9\uFF10-\uFF19]/g, '*');
}
