import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DATA_SUBDIR = join('libs', 'taxonomy', 'data');

/**
 * The shipped data folder, found by walking up from this file until a folder containing `libs/taxonomy/data`:
 * works from the TypeScript source (Jest), from the tsc output under `dist/` and from any checkout location.
 */
export function findDataDir(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, DATA_SUBDIR);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`Taxonomy data not found: no ${DATA_SUBDIR} in ${start} or above`);
  }
}

export function readJson<T>(dataDir: string, file: string): T {
  return JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;
}

/** Rows of a simple CSV with a header line; the shipped CSVs have no quoted fields. */
export function readCsv(dataDir: string, file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(dataDir, file), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}
