/** Calendar arithmetic on 'YYYY-MM-DD' strings in UTC, so output never depends on the machine's time zone. */

const MS_PER_DAY = 86_400_000;
// A local alias: inside Jest's vm sandbox every global lookup costs ~100x more.
const UtcDate = Date;

export function epochDay(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Expected YYYY-MM-DD, got ${isoDate}`);
  const [y, m, d] = isoDate.split('-').map(Number);
  const ms = UtcDate.UTC(y, m - 1, d);
  if (new UtcDate(ms).toISOString().slice(0, 10) !== isoDate) throw new Error(`Not a calendar date: ${isoDate}`);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new UtcDate(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(epochDay(date) + days);
}

/** Same month and day `years` later (or earlier); 29 February becomes 28 February in other years. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new UtcDate(UtcDate.UTC(y + years, m, 0)).getUTCDate();
  return isoDate(UtcDate.UTC(y + years, m - 1, Math.min(d, last)) / MS_PER_DAY);
}

/** Whole years from `birthDate` to `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const age = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? age - 1 : age;
}
