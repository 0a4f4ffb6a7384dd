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

/** Day of the week in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiWeekday = (time: Date) => new Date(time.getTime() + 8 * 3600_000).getUTCDay();
