import {
  addDays, addMonths, addMonthsToMonth, daysInMonth, monthOf, quarterEnd, quarterOf, shanghaiClock, shanghaiDate, shanghaiDayStartSql, shanghaiDisplay, shanghaiInstant, shanghaiIso, shanghaiWeekday, termEnd,
} from './shanghai-calendar';

describe('Shanghai calendar', () => {
  it('the Shanghai date turns at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-12-09T15:59:59Z'))).toBe('2026-12-09');
    expect(shanghaiDate(new Date('2026-12-09T16:00:00Z'))).toBe('2026-12-10');
  });

  it('wall-clock times round-trip through an instant', () => {
    const at = shanghaiInstant('2026-12-10', '09:30');
    expect(at.toISOString()).toBe('2026-12-10T01:30:00.000Z');
    expect(shanghaiClock(at)).toBe('09:30');
    expect(shanghaiIso(at)).toBe('2026-12-10T09:30:00+08:00');
    expect(shanghaiDisplay(at)).toBe('2026年12月10日 09:30');
    expect(shanghaiDate(shanghaiInstant('2026-12-10', '00:10'))).toBe('2026-12-10');
  });

  it('weekdays follow the Shanghai date, not the UTC one', () => {
    // 2026-12-07 is a Monday; 23:30 UTC on Sunday the 6th is already Monday in Shanghai.
    expect(shanghaiWeekday(new Date('2026-12-06T23:30:00Z'))).toBe(1);
    expect(shanghaiWeekday(new Date('2026-12-06T15:30:00Z'))).toBe(0);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-10', 0)).toBe('2026-12-10');
  });

  it('writes the start of a Shanghai day in SQL', () => {
    expect(shanghaiDayStartSql('$1')).toBe(`($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2024-06-30', 24)).toBe('2026-06-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-12-20', 6)).toBe('2026-06-20');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('ends a term of months the day before the matching day, or at the end of the month without one', () => {
    expect(termEnd('2025-01-15', 6)).toBe('2025-07-14');
    expect(termEnd('2025-01-01', 12)).toBe('2025-12-31');
    expect(termEnd('2025-12-20', 6)).toBe('2026-06-19');
    expect(termEnd('2025-08-31', 6)).toBe('2026-02-28');
    expect(termEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(termEnd('2025-02-01', 1)).toBe('2025-02-28');
    expect(termEnd('2024-02-01', 1)).toBe('2024-02-29');
    expect(termEnd('2025-01-01', 6)).toBe('2025-06-30');
    expect(termEnd('2024-12-01', 1)).toBe('2024-12-31');
    expect(termEnd('2024-01-01', 1)).toBe('2024-01-31');
    expect(termEnd('2025-03-01', 10)).toBe('2025-12-31');
  });

  it('names months and quarters', () => {
    expect(monthOf('2025-12-20')).toBe('2025-12');
    expect(addMonthsToMonth('2025-12', 1)).toBe('2026-01');
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
    expect(quarterEnd('2026-11-05')).toBe('2026-12-31');
    expect(quarterEnd('2026-02-01')).toBe('2026-03-31');
    expect(quarterEnd('2028-04-30')).toBe('2028-06-30');
    expect(quarterOf('2026-07-01')).toBe('2026-Q3');
  });
});
