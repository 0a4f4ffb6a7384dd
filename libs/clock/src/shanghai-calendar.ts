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

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The date `months` calendar months after (or before) a date: the same day of the month, or the month's last day
 * where that day does not exist (2024-02-29 + 12 → 2025-02-28). This is the last day of a period of months counted
 * from the day after `isoDate`, as 民法典 arts. 201–202 count it ("离校2年内": graduated 2024-06-30, last day 2026-06-30).
 */
export function addMonths(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (((month % 12) + 12) % 12) + 1;
  return isoDateOf(targetYear, targetMonth, Math.min(Number(isoDate.slice(8, 10)), daysInMonth(targetYear, targetMonth)));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const isoDateOf = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;

/**
 * The last day of a term of `months` months that starts on (and counts) `startDate`, as a labour contract or a
 * traineeship counts it: 2025-01-15 + 6 months ends 2025-07-14; a term without a matching day ends at the end of the
 * month (2025-01-31 + 1 month ends 2025-02-28).
 */
export function termEnd(startDate: string, months: number): string {
  const later = addMonths(startDate, months);
  if (later.slice(8, 10) !== startDate.slice(8, 10)) return later;
  const day = Number(later.slice(8, 10));
  if (day > 1) return `${later.slice(0, 8)}${pad2(day - 1)}`;
  const month = Number(later.slice(5, 7));
  const year = Number(later.slice(0, 4));
  return month === 1 ? `${year - 1}-12-31` : isoDateOf(year, month - 1, daysInMonth(year, month - 1));
}

/** The month of a date, 'YYYY-MM'. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** The month `months` after (or before) a month, 'YYYY-MM'. */
export function addMonthsToMonth(yearMonth: string, months: number): string {
  return addMonths(`${yearMonth}-01`, months).slice(0, 7);
}

/** The last day of the quarter a date falls in ('2026-11-05' → '2026-12-31'). */
export function quarterEnd(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const lastMonth = Math.ceil(Number(isoDate.slice(5, 7)) / 3) * 3;
  return isoDateOf(year, lastMonth, daysInMonth(year, lastMonth));
}

/** The quarter of a date, '2026-Q4'. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(Number(isoDate.slice(5, 7)) / 3)}`;
}

/** SQL: the start of a Shanghai day as a timestamptz, from an SQL expression holding a date (e.g. a '$1' parameter). */
export function shanghaiDayStartSql(dateExpression: string): string {
  return `(${dateExpression}::date::timestamp AT TIME ZONE '${SHANGHAI_TIME_ZONE}')`;
}
