/**
 * One dated value of a parameter: it applies from `from` (a Shanghai date) until the next entry. `document` is what an
 * administrator cites; `source` is where the value is written; `provisional` marks a value no published plan we hold
 * gives (a placeholder an administrator must confirm or replace).
 */
export interface DatedValue<T> {
  from: string;
  value: T;
  document: string;
  source: string;
  provisional?: boolean;
}

/** A parameter's history, oldest first. */
export type Series<T> = readonly DatedValue<T>[];

/** The entry in force on `date` (YYYY-MM-DD), or undefined before the first entry. */
export function entryOn<T>(series: Series<T>, date: string): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const entry of series) if (entry.from <= date) found = entry;
  return found;
}
