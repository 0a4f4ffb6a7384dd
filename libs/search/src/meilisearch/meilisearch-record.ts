import { analyzeDocument } from '../document-analysis';
import { SearchDocument } from '../documents';
import { SearchIndexName } from '../search-engine';

/** Fields the engine adds to each stored document; `get` and `search` strip them again. */
export interface MeilisearchExtras {
  searchTokens: string;
  pinyinInitials: string;
  wageLow: number | null;
  wageHigh: number | null;
  updatedAtMs: number;
  _geo?: { lat: number; lng: number };
}

const EXTRA_KEYS = ['searchTokens', 'pinyinInitials', 'wageLow', 'wageHigh', 'updatedAtMs', '_geo'];
const RESPONSE_KEYS = ['_formatted', '_rankingScore', '_rankingScoreDetails', '_matchesPosition', '_geoDistance', '_federation'];

export function toMeilisearchRecord(index: SearchIndexName, doc: SearchDocument): SearchDocument & MeilisearchExtras {
  const analyzed = analyzeDocument(index, doc);
  return {
    ...doc,
    searchTokens: [analyzed.words.A, analyzed.words.B, analyzed.words.C].filter(Boolean).join(' '),
    pinyinInitials: analyzed.initials.join(' '),
    wageLow: analyzed.wageLow,
    wageHigh: analyzed.wageHigh,
    updatedAtMs: analyzed.updatedAtMs,
    ...(doc.lat !== null && doc.lng !== null ? { _geo: { lat: doc.lat, lng: doc.lng } } : {}),
  };
}

export function fromMeilisearchRecord<D>(record: Record<string, unknown>): D {
  const doc = { ...record };
  for (const key of [...EXTRA_KEYS, ...RESPONSE_KEYS]) delete doc[key];
  return doc as D;
}
