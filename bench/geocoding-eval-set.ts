import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The labelled Hainan address set (libs/geocoding/data/eval/README.md says how it was collected). */
export const EVAL_SET_FILE = join('libs', 'geocoding', 'data', 'eval', 'hainan-addresses.csv');
/** The reference lists the labels are checked against (libs/taxonomy/data/README.md gives their sources). */
export const DIVISIONS_FILE = join('libs', 'taxonomy', 'data', 'hainan', 'hainan-divisions.json');
export const TOWNSHIPS_FILE = join('libs', 'taxonomy', 'data', 'hainan', 'hainan-townships-nbs2023.csv');

export interface DivisionUnit {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
}

export function readDivisions(): DivisionUnit[] {
  return (JSON.parse(readFileSync(findRepoFile(DIVISIONS_FILE), 'utf8')) as { units: DivisionUnit[] }).units;
}

export const EVAL_COLUMNS = [
  'id',
  'address',
  'county_code',
  'county_name',
  'township_code',
  'township_name',
  'uncertain',
  'source',
  'source_kind',
  'note',
] as const;

export interface EvalAddress {
  id: string;
  /** The address exactly as the source published it. */
  address: string;
  /** 6-digit county-level code (a district, county, county-level city, or 460400 儋州). */
  countyCode: string;
  countyName: string;
  /** 9-digit NBS 2023 township code when the address names or implies a township, else null. */
  townshipCode: string | null;
  townshipName: string | null;
  /** The label is not certain: the row is kept for reading but left out of the scores. */
  uncertain: boolean;
  source: string;
  sourceKind: string;
  note: string;
}

/** Walks up from `start` to the checkout root (works from the TypeScript source and from dist/). */
export function findRepoFile(relative: string, start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${relative} not found in ${start} or above`);
  }
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks); the first row is the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...lines] = rows.filter((r) => r.some((c) => c !== ''));
  return lines.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])));
}

export function readCsvFile(relative: string): Record<string, string>[] {
  return parseCsv(readFileSync(findRepoFile(relative), 'utf8'));
}

export function loadEvalSet(): EvalAddress[] {
  return readCsvFile(EVAL_SET_FILE).map((r) => ({
    id: r.id,
    address: r.address,
    countyCode: r.county_code,
    countyName: r.county_name,
    townshipCode: r.township_code || null,
    townshipName: r.township_name || null,
    uncertain: r.uncertain === 'yes',
    source: r.source,
    sourceKind: r.source_kind,
    note: r.note,
  }));
}
