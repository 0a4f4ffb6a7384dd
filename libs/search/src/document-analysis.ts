import { segmentForIndex } from './chinese-text';
import { SearchDocument, SeekerSearchDocument, ShortageSearchDocument } from './documents';
import { initialsForIndex } from './pinyin-initials';
import { SearchIndexName } from './search-engine';

/** A searchable text field; weight A (names) ranks above B (skills, employer) above C (long text). */
export interface TextField {
  field: string;
  text: string;
  weight: 'A' | 'B' | 'C';
}

/** What both engines derive from a document for matching, ranking and filtering. */
export interface AnalyzedDocument {
  /** Segmented words per weight, space-separated (jieba search mode). */
  words: Record<TextField['weight'], string>;
  /** Every text field, unsegmented and NFKC-folded like queries, for substring (suffix) matches. */
  plainText: string;
  /** Pinyin initials of names, occupations and skills ('ylhly', 'hly'). */
  initials: string[];
  /** Seekers: the expectation twice; shortages: the offered range. */
  wageLow: number | null;
  wageHigh: number | null;
  updatedAtMs: number;
}

const list = (values: readonly string[]) => values.join('、');

type FieldSpec<D> = { field: string; weight: TextField['weight']; text: (document: D) => string };

const TEXT_FIELDS: { seekers: FieldSpec<SeekerSearchDocument>[]; shortages: FieldSpec<ShortageSearchDocument>[] } = {
  seekers: [
    { field: 'name', weight: 'A', text: (d) => d.name },
    { field: 'occupationNames', weight: 'A', text: (d) => list(d.occupationNames) },
    { field: 'skillNames', weight: 'B', text: (d) => list(d.skillNames) },
    { field: 'languages', weight: 'C', text: (d) => list(d.languages) },
  ],
  shortages: [
    { field: 'title', weight: 'A', text: (d) => d.title },
    { field: 'occupationNames', weight: 'A', text: (d) => list(d.occupationNames) },
    { field: 'skillNames', weight: 'B', text: (d) => list(d.skillNames) },
    { field: 'employerName', weight: 'B', text: (d) => d.employerName },
    { field: 'description', weight: 'C', text: (d) => d.description },
    { field: 'trainingOffered', weight: 'C', text: (d) => d.trainingOffered ?? '' },
  ],
};

export function textFieldNames(name: SearchIndexName): string[] {
  return TEXT_FIELDS[name].map((f) => f.field);
}

export function textFields(name: SearchIndexName, document: SearchDocument): TextField[] {
  const specs = TEXT_FIELDS[name] as FieldSpec<SearchDocument>[];
  return specs.map(({ field, weight, text }) => ({ field, weight, text: text(document) }));
}

export function analyzeDocument(name: SearchIndexName, document: SearchDocument): AnalyzedDocument {
  const fields = textFields(name, document);
  const words = { A: [] as string[], B: [] as string[], C: [] as string[] };
  for (const { text, weight } of fields) words[weight].push(...segmentForIndex(text));
  const named = name === 'seekers' ? [(document as SeekerSearchDocument).name] : [(document as ShortageSearchDocument).title];
  const wage =
    name === 'seekers'
      ? { low: (document as SeekerSearchDocument).wageExpectation, high: (document as SeekerSearchDocument).wageExpectation }
      : { low: (document as ShortageSearchDocument).wageMin, high: (document as ShortageSearchDocument).wageMax };
  return {
    words: { A: words.A.join(' '), B: words.B.join(' '), C: words.C.join(' ') },
    plainText: fields.map((f) => f.text).filter(Boolean).join(' | ').normalize('NFKC'),
    initials: initialsForIndex([...named, ...document.occupationNames, ...document.skillNames]),
    wageLow: wage.low ?? null,
    wageHigh: wage.high ?? null,
    updatedAtMs: Date.parse(document.updatedAt),
  };
}
