import { isWorkday } from 'chinese-days';
import { addDays, shanghaiDate } from './shanghai-calendar';

/**
 * The holiday-aware working-day calendar of mainland China (Asia/Shanghai): public holidays are days off, and the
 * 调休 make-up days (a Saturday or Sunday worked in exchange) are working days. The holiday tables come from the npm
 * package `chinese-days` (the State Council's yearly notices, kept up to date by its maintainers); for a year the
 * package does not know yet, only weekends are days off. Dates are 'YYYY-MM-DD' (an instant is read as its Shanghai
 * date).
 */
export type CalendarDay = string | Date;

const iso = (date: CalendarDay): string => (typeof date === 'string' ? date.slice(0, 10) : shanghaiDate(date));

/** Whether a date is a working day: Monday–Friday outside public holidays, or a 调休 make-up day. */
export function isWorkingDay(date: CalendarDay): boolean {
  return isWorkday(iso(date));
}

/**
 * The working day `n` working days after (n > 0) or before (n < 0) a date. With n = 0: the date itself when it is a
 * working day, else the next working day (a deadline that falls in a holiday moves to the first working day after it).
 */
export function addWorkingDays(date: CalendarDay, n: number): string {
  let day = iso(date);
  if (n === 0) {
    while (!isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/**
 * Working days from `a` to `b`: the working days after `a` up to and including `b` (0 when b ≤ a; negative, counted
 * the same way, when b is before a). Friday to the next Monday is 1; over the National Day week it is the days worked.
 */
export function workingDaysBetween(a: CalendarDay, b: CalendarDay): number {
  let from = iso(a);
  let to = iso(b);
  const sign = to < from ? -1 : 1;
  if (sign < 0) [from, to] = [to, from];
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return sign * count;
}
