import { countChinaWorkdays, isChinaWorkday, lastOfChinaWorkdays, nextChinaWorkday } from './china-working-days';

describe('China working days (holidays and 调休)', () => {
  it('knows National Day 2026 and its make-up Saturday', () => {
    expect(isChinaWorkday('2026-09-30')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(isChinaWorkday(`2026-10-0${d}`)).toBe(false);
    // Saturday 10 October 2026 is a 调休 working day; Sunday 11 October is not.
    expect(isChinaWorkday('2026-10-10')).toBe(true);
    expect(isChinaWorkday('2026-10-11')).toBe(false);
    expect(isChinaWorkday('2026-12-05')).toBe(false);
    expect(isChinaWorkday('2026-12-07')).toBe(true);
  });

  it('counts a 5-working-day notice across National Day', () => {
    // Starts Tuesday 29 September: 29, 30 September, then 8, 9, 10 (the make-up Saturday) October.
    expect(lastOfChinaWorkdays('2026-09-29', 5)).toBe('2026-10-10');
    expect(countChinaWorkdays('2026-09-29', '2026-10-10')).toBe(5);
    // Published on a holiday: counting starts on the first working day after it.
    expect(nextChinaWorkday('2026-10-03')).toBe('2026-10-08');
    expect(lastOfChinaWorkdays('2026-10-03', 1)).toBe('2026-10-08');
    // 8, 9, 10 (make-up Saturday), 12, 13 October.
    expect(lastOfChinaWorkdays('2026-10-03', 5)).toBe('2026-10-13');
  });

  it('counts ordinary weeks and refuses a non-positive length', () => {
    expect(lastOfChinaWorkdays('2026-12-07', 5)).toBe('2026-12-11');
    expect(lastOfChinaWorkdays('2026-12-09', 5)).toBe('2026-12-15');
    expect(lastOfChinaWorkdays('2026-12-09', 7)).toBe('2026-12-17');
    expect(countChinaWorkdays('2026-12-10', '2026-12-09')).toBe(0);
    expect(() => lastOfChinaWorkdays('2026-12-07', 0)).toThrow(RangeError);
  });
});
