import { isWorkday } from 'chinese-days';
import { addDays } from './shanghai-calendar';

/**
 * Working days in mainland China: Monday to Friday, less the public holidays, plus the 调休 make-up days that fall on
 * a weekend, as the State Council's yearly notice sets them (data from the `chinese-days` package, which follows
 * those notices; a year it does not hold yet counts Monday to Friday). Dates are Shanghai dates, 'YYYY-MM-DD'.
 */
export function isChinaWorkday(isoDate: string): boolean {
  return isWorkday(isoDate);
}

/** The first working day on or after a date. */
export function nextChinaWorkday(isoDate: string): string {
  let day = isoDate;
  while (!isChinaWorkday(day)) day = addDays(day, 1);
  return day;
}

/**
 * The `n`-th working day counted from `isoDate` (itself the first when it is a working day; otherwise the first working
 * day after it): the last day of a period of n working days starting then, such as a 5-working-day public notice.
 */
export function lastOfChinaWorkdays(isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, not ${n}`);
  let day = nextChinaWorkday(isoDate);
  for (let counted = 1; counted < n; counted++) day = nextChinaWorkday(addDays(day, 1));
  return day;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countChinaWorkdays(from: string, to: string): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) if (isChinaWorkday(day)) count++;
  return count;
}
