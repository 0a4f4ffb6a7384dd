import { findPersonalIdentifiers } from '@app/identifiers';
import { SearchDocument } from '@app/search';

/**
 * The one place the indexing pipeline asks the shared phone/ID detector (libs/identifiers) about document text.
 * The engines refuse a document that still carries one (libs/search pii-guard), so both must use the same detector.
 */
const holdsPersonalIdentifier = (text: string): boolean => findPersonalIdentifiers(text).length > 0;

/**
 * Empties every field of an index document that holds an ID number or a phone number and names those fields in
 * `redactedFields`, instead of leaving the document to be refused: a refused document keeps its old copy in the
 * index (a withdrawn consent would stay searchable) or none at all (an open job no one finds).
 * Text fields become '', list fields lose the offending items, objects become null; `id` is a record key, never
 * text a user typed, and is left alone. The whole field goes, not only the number: the detector reports what it
 * found, not where, and a half-redacted text ("call 138 …") is no better for search.
 */
export function withoutPersonalIdentifiers<D extends SearchDocument>(document: D): D {
  const cleaned: Record<string, unknown> = { ...document };
  const redacted: string[] = [];
  for (const [field, value] of Object.entries(document)) {
    if (field === 'id' || field === 'redactedFields' || !containsIdentifier(value)) continue;
    redacted.push(field);
    if (typeof value === 'string') cleaned[field] = '';
    else if (Array.isArray(value)) cleaned[field] = value.filter((item) => !containsIdentifier(item));
    else cleaned[field] = null;
  }
  if (redacted.length === 0) return document;
  cleaned.redactedFields = redacted;
  return cleaned as D;
}

function containsIdentifier(value: unknown): boolean {
  if (typeof value === 'string') return holdsPersonalIdentifier(value);
  if (Array.isArray(value)) return value.some(containsIdentifier);
  if (value && typeof value === 'object') return Object.values(value).some(containsIdentifier);
  return false;
}
