import { MINIMUM_WAGE_TABLE, minimumMonthlyWage, YANGPU_CODE } from './minimum-wage';

describe('minimumMonthlyWage', () => {
  it.each([
    ['460100', 2010],
    ['460106', 2010], // 龙华区
    ['460200', 2010],
    ['460205', 2010], // 崖州区
    [YANGPU_CODE, 2010],
    ['460400', 1850], // 儋州 outside 洋浦
    ['469002', 1850], // 琼海
    ['469030', 1850], // 琼中
    ['460300', 1850], // 三沙
  ])('%s → %d from 2025', (code, wage) => {
    expect(minimumMonthlyWage(code, '2025-06-01')).toBe(wage);
  });

  it('uses the standard in force on the date', () => {
    expect(minimumMonthlyWage('460100', '2024-12-31')).toBe(1830);
    expect(minimumMonthlyWage('469006', '2024-12-31')).toBe(1730);
    expect(minimumMonthlyWage('460100', '2021-11-30')).toBeUndefined();
  });

  it('reads a Date in China time', () => {
    // 2024-12-31T16:00Z is already 2025-01-01 in Hainan.
    expect(minimumMonthlyWage('460100', new Date('2024-12-31T16:00:00Z'))).toBe(2010);
    expect(minimumMonthlyWage('460100', new Date('2024-12-31T15:59:59Z'))).toBe(1830);
  });

  it('accepts township codes and rejects regions outside Hainan', () => {
    expect(minimumMonthlyWage('460106001000', '2025-06-01')).toBe(2010);
    expect(minimumMonthlyWage('440100', '2025-06-01')).toBeUndefined();
  });

  it('covers every city and county in each standard, once', () => {
    for (const standard of MINIMUM_WAGE_TABLE) {
      const codes = standard.tiers.flatMap((t) => t.regionCodes);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toHaveLength(20); // 19 cities/counties + 洋浦
    }
  });
});
