import { findPersonalIdentifiers } from '@app/identifiers';
import { SearchDocument } from './documents';
import { SearchDocumentRejectedError } from './search-errors';

/**
 * Refuses (rather than scrubs) a document with an ID number or a mobile number in any string field: a
 * scrubbed index would silently differ from PostgreSQL, while a refusal surfaces the upstream mapping bug.
 * The id is skipped: it is a record key, and a UUID can look like a phone number by chance.
 */
export function assertNoPersonalIdentifiers(documents: readonly SearchDocument[]): void {
  for (const document of documents) {
    const fields = new Set<string>();
    visit(document, '', (path, text) => {
      if (path !== 'id' && findPersonalIdentifiers(text).length > 0) fields.add(path.split(/[.[]/)[0]);
    });
    if (fields.size > 0) throw new SearchDocumentRejectedError(String(document.id), [...fields]);
  }
}

function visit(value: unknown, path: string, onString: (path: string, text: string) => void): void {
  if (typeof value === 'string') onString(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, onString));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key, onString);
  }
}
