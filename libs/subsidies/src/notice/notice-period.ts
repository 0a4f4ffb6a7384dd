import { addWorkingDays } from '@app/clock';
import { entryAt, Series } from '../core';

/**
 * 公示 length in working days (policy.md section 1: 5 by default; Longgang and Shantou use 7), a dated parameter looked
 * up at the day the city review passed. The plan names no length: the entry is provisional until an administrator sets it.
 */
export const NOTICE_WORKING_DAYS: Series<number> = [
  { from: '2025-01-01', value: 5, document: '待管理员设定 (plan silent)', source: 'policy.md 1: 公示 lasts 5 working days by default', provisional: true },
];

/**
 * The notice period of a claim whose city review passed on `passedOn` (Shanghai date): it is published on the next
 * working day and lasts `workingDays` working days on the holiday-aware calendar (public holidays and 调休 make-up
 * days), both ends included; objections are taken until the end of its last day.
 */
export function noticePeriod(passedOn: string, series: Series<number> = NOTICE_WORKING_DAYS): { from: string; until: string; workingDays: number } {
  const workingDays = entryAt(series, passedOn)?.value ?? 5;
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`a notice lasts a positive whole number of working days, not ${workingDays}`);
  const from = addWorkingDays(passedOn, 1);
  return { from, until: addWorkingDays(from, workingDays - 1), workingDays };
}
