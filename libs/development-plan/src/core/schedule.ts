import { addDays } from '@app/clock/shanghai-calendar';
import { addWorkingDays } from '@app/clock/working-days';

export type Quarter = 1 | 2 | 3 | 4;

/** Parameters of the reporting calendar (四（四）: "每季度结束后次月5日前报送"). */
export interface ScheduleParams {
  /** Day of the month after the quarter on which reports are due. */
  dueDay: number;
  /** Reminders this many working days before the deadline (largest first). */
  remindBefore: readonly number[];
  /** Overdue reminders every working day after the deadline, for at most this many working days. */
  overdueDays: number;
}

export const DEFAULT_SCHEDULE: ScheduleParams = { dueDay: 5, remindBefore: [5, 1], overdueDays: 20 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The day the quarter ends, 'YYYY-MM-DD'. */
export function quarterEndDate(year: number, quarter: Quarter): string {
  return [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter - 1];
}

/** The nominal due date: the `dueDay` of the month after the quarter. */
export function nominalDueDate(year: number, quarter: Quarter, params: ScheduleParams = DEFAULT_SCHEDULE): string {
  const month = quarter * 3 + 1;
  return month > 12 ? `${year + 1}-01-${pad(params.dueDay)}` : `${year}-${pad(month)}-${pad(params.dueDay)}`;
}

/**
 * The deadline: the nominal due date, or the first working day after it when it falls on a public holiday or a
 * weekend (5 April is in 清明, 5 October in 国庆), on the holiday-aware calendar with its 调休 make-up days.
 */
export function deadline(year: number, quarter: Quarter, params: ScheduleParams = DEFAULT_SCHEDULE): string {
  return addWorkingDays(nominalDueDate(year, quarter, params), 0);
}

export type ReminderKind = 'before' | 'due_today' | 'overdue';

export interface ScheduledReminder {
  kind: ReminderKind;
  /** The day it goes out (Asia/Shanghai), a working day. */
  date: string;
  /** Working days to the deadline (positive before, 0 on the day, negative after). */
  offset: number;
}

/**
 * Every reminder of a quarter's report, in order: `remindBefore` working days before the deadline (so a deadline
 * moved past a holiday is announced before the holiday starts), on the day, then every working day after it.
 * They stop once the unit has submitted (the caller's check).
 */
export function reminderSchedule(year: number, quarter: Quarter, params: ScheduleParams = DEFAULT_SCHEDULE): ScheduledReminder[] {
  const due = deadline(year, quarter, params);
  const before = [...params.remindBefore].sort((a, b) => b - a).map((n): ScheduledReminder => ({ kind: 'before', date: addWorkingDays(due, -n), offset: n }));
  const after = Array.from({ length: params.overdueDays }, (_, i): ScheduledReminder => ({ kind: 'overdue', date: addWorkingDays(due, i + 1), offset: -(i + 1) }));
  return [...before, { kind: 'due_today', date: due, offset: 0 }, ...after];
}

/** The reminder due on a day, if any. */
export function reminderOn(date: string, year: number, quarter: Quarter, params: ScheduleParams = DEFAULT_SCHEDULE): ScheduledReminder | undefined {
  return reminderSchedule(year, quarter, params).find((r) => r.date === date);
}

/** The quarter whose report season a day belongs to: from the quarter's last month to its overdue tail. */
export function reportingQuartersAround(date: string): { year: number; quarter: Quarter }[] {
  const year = Number(date.slice(0, 4));
  const candidates: { year: number; quarter: Quarter }[] = [
    { year: year - 1, quarter: 4 }, { year, quarter: 1 }, { year, quarter: 2 }, { year, quarter: 3 }, { year, quarter: 4 },
  ];
  return candidates.filter(({ year: y, quarter: q }) => {
    const start = addDays(quarterEndDate(y, q), -30);
    const end = addDays(deadline(y, q), 45);
    return date >= start && date <= end;
  });
}

/** Whether a first submission (Asia/Shanghai day; null: none yet) is late for a deadline, seen on `today`. */
export function isLate(firstSubmittedOn: string | null, due: string, today: string): boolean {
  if (firstSubmittedOn !== null) return firstSubmittedOn > due;
  return today > due;
}

/** 时序进度: the share of the year elapsed at the end of a quarter. */
export const elapsedShare = (quarter: Quarter): number => quarter / 4;
