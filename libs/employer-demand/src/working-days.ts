import { shanghaiWeekday } from '@app/clock';

/**
 * The latest creation time that is overdue at `now`: `days` working days (Monday–Friday, Asia/Shanghai) back.
 * Public holidays and 调休 make-up days are not modelled yet, so over a holiday a shortage is flagged late, never early.
 */
export function overdueCutoff(now: Date, days: number): Date {
  const result = new Date(now);
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() - 1);
    const weekday = shanghaiWeekday(result);
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return result;
}
