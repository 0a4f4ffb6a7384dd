import { scrubIdentifiers } from '@app/identifiers';

/** Masks mobile numbers and ID numbers in free text, with the same detector the PII scan uses (@app/identifiers). */
export function scrubPersonalData(text: string): string {
  return scrubIdentifiers(text);
}

/** A request URL for the log: `+` in the query is a space (`138+1234+5678`), escapes are read decoded when they hide identifiers. */
export function scrubUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0 || !/\d\+\d/.test(url.slice(query))) return scrubIdentifiers(url);
  const spaced = url.slice(0, query) + url.slice(query).replace(/\+/g, ' ');
  const scrubbed = scrubIdentifiers(spaced);
  return scrubbed === spaced ? url : scrubbed;
}
