/** Day arithmetic on ISO dates in UTC, so results never depend on the machine's time zone. */

const MS_PER_DAY = 86_400_000;
// A local alias: inside Jest's vm sandbox every global lookup costs far more.
const UtcDate = Date;

/** Days since 1970-01-01. @throws RangeError for anything but a real YYYY-MM-DD date */
export function epochDay(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Expected YYYY-MM-DD, got ${isoDate}`);
  const ms = UtcDate.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  if (new UtcDate(ms).toISOString().slice(0, 10) !== isoDate) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return ms / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new UtcDate(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The planning window as day offsets from today: [first, end). */
export interface PlanningWindow {
  today: number;
  first: number;
  end: number;
}

export function planningWindow(today: string, leadTimeDays: number, horizonDays: number): PlanningWindow {
  const day = epochDay(today);
  return { today: day, first: day + leadTimeDays, end: day + horizonDays };
}
