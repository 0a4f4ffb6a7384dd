import { isWorkingDay, shanghaiDate } from '@app/clock';

/**
 * The latest creation time that is overdue at `now`: `days` working days (Asia/Shanghai, public holidays and 调休
 * make-up days counted through the platform's working-day calendar in @app/clock) back.
 */
export function overdueCutoff(now: Date, days: number): Date {
  const result = new Date(now);
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() - 1);
    if (isWorkingDay(shanghaiDate(result))) remaining -= 1;
  }
  return result;
}
