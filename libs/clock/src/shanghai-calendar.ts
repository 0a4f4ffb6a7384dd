/**
 * Calendar arithmetic in Asia/Shanghai, the zone every date and time users see is in: UTC+8 all year, no daylight
 * saving, so a fixed offset is exact. The one home of that offset, in code and in SQL. Dates are 'YYYY-MM-DD'.
 * Public holidays and 调休 make-up days are not modelled.
 */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const MS_PER_DAY = 86_400_000;

const shifted = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS);

/** The date of `at` (default: now; services should pass `Clock.now()`) in Asia/Shanghai. */
export function shanghaiDate(at: Date = new Date()): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** A Shanghai wall-clock date and time ('2026-12-10', '09:30') as an instant. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** '2026-12-10T09:30:00+08:00'. */
export function shanghaiIso(at: Date): string {
  return `${shifted(at).toISOString().slice(0, 19)}+08:00`;
}

/** The time of day of `at` in Shanghai, '09:30'. */
export function shanghaiClock(at: Date): string {
  return shifted(at).toISOString().slice(11, 16);
}

/** '2026年12月10日 09:30'. */
export function shanghaiDisplay(at: Date): string {
  const iso = shifted(at).toISOString();
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

/** Day of the week of `at` in Shanghai: 0 Sunday … 6 Saturday. */
export function shanghaiWeekday(at: Date): number {
  return shifted(at).getUTCDay();
}

/** The date `days` calendar days after (or before) a date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** SQL: the start of a Shanghai day as a timestamptz, from an SQL expression holding a date (e.g. a '$1' parameter). */
export function shanghaiDayStartSql(dateExpression: string): string {
  return `(${dateExpression}::date::timestamp AT TIME ZONE '${SHANGHAI_TIME_ZONE}')`;
}
