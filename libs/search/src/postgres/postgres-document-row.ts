import { hanBigrams } from '../chinese-text';
import { analyzeDocument } from '../document-analysis';
import { SearchDocument, SeekerSearchDocument } from '../documents';
import { SearchIndexName } from '../search-engine';

/** Namespaces inside the one `tags` array, so every exact filter uses the same GIN index. */
export const TAG_PREFIX = {
  occupation: 'occ:',
  family: 'fam:',
  region: 'reg:',
  skill: 'skill:',
  certificate: 'cert:',
  workType: 'work:',
  priorityGroup: 'group:',
} as const;

/** One row of `search_document` (without index_name), in the shape jsonb_to_recordset reads. */
export interface SearchDocumentRow {
  id: string;
  doc: SearchDocument;
  words_a: string;
  words_b: string;
  words_c: string;
  search_text: string;
  text_initials: string;
  han_bigrams: string[];
  tags: string[];
  region_code: string;
  wage_low: number | null;
  wage_high: number | null;
  skill_level: number | null;
  lat: number | null;
  lng: number | null;
  updated_at: string;
}

export function toSearchDocumentRow(index: SearchIndexName, doc: SearchDocument): SearchDocumentRow {
  const analyzed = analyzeDocument(index, doc);
  const tag = (prefix: string, values: readonly string[]) => values.map((v) => prefix + v);
  const priorityGroups = index === 'seekers' ? (doc as SeekerSearchDocument).priorityGroups : [];
  return {
    id: doc.id,
    doc,
    words_a: analyzed.words.A,
    words_b: analyzed.words.B,
    words_c: analyzed.words.C,
    search_text: analyzed.plainText,
    text_initials: analyzed.initials.join(' '),
    han_bigrams: hanBigrams(analyzed.plainText),
    tags: [
      ...tag(TAG_PREFIX.occupation, doc.occupationTags),
      ...tag(TAG_PREFIX.family, doc.occupationFamilies),
      ...tag(TAG_PREFIX.region, doc.regionTags),
      ...tag(TAG_PREFIX.skill, doc.skillNames),
      ...tag(TAG_PREFIX.certificate, doc.certificateCodes),
      ...tag(TAG_PREFIX.workType, doc.workTypes),
      ...tag(TAG_PREFIX.priorityGroup, priorityGroups),
    ],
    region_code: doc.regionCode,
    wage_low: analyzed.wageLow,
    wage_high: analyzed.wageHigh,
    skill_level: doc.skillLevel,
    lat: doc.lat,
    lng: doc.lng,
    updated_at: doc.updatedAt,
  };
}
