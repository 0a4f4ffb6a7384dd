import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working-day calendar (holidays and 调休)', () => {
  it('knows weekdays, public holidays and make-up working days', () => {
    expect(isWorkingDay('2026-10-09')).toBe(true); // Friday
    expect(isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(false); // National Day holiday, a Monday
    expect(isWorkingDay('2026-04-06')).toBe(false); // 清明 holiday, a Monday
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday worked for National Day (调休)
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday worked for National Day (调休)
    expect(isWorkingDay(new Date('2026-10-04T20:00:00Z'))).toBe(false); // 04:00 on 5 October in Shanghai
  });

  it('moves a date forward to a working day and counts across holidays', () => {
    expect(addWorkingDays('2026-10-05', 0)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 0)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween('2026-10-08', '2026-09-30')).toBe(-1);
    expect(workingDaysBetween('2026-10-09', '2026-10-12')).toBe(2); // Saturday 10th is worked
    expect(workingDaysBetween('2025-07-04', '2025-07-07')).toBe(1);
  });

  it('counts a period of working days across National Day (a 公示 of 5 working days)', () => {
    expect(addWorkingDays('2026-09-29', 4)).toBe('2026-10-10'); // 29, 30 Sep, 8, 9 Oct and the worked Saturday
    expect(addWorkingDays(addWorkingDays('2026-10-03', 0), 4)).toBe('2026-10-13');
    expect(addWorkingDays('2026-12-07', 4)).toBe('2026-12-11');
    expect(workingDaysBetween('2026-09-28', '2026-10-10')).toBe(5);
  });
});
