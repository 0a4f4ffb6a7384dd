import { checkReport, ReportFigure } from './checks';
import { compileQuarter, PlatformFact, prefillFigures, platformFigures } from './compile';
import { deadline, isLate, nominalDueDate, reminderOn, reminderSchedule } from './schedule';

const figure = (indicator: string, quarter: number | null, cumulative: number | null, platform?: [number, number], note: string | null = null): ReportFigure => ({
  indicator, quarter, cumulative, platformQuarter: platform?.[0] ?? null, platformCumulative: platform?.[1] ?? null, note,
});

describe('reporting calendar', () => {
  it('moves a deadline in a public holiday to the first working day after it', () => {
    expect(nominalDueDate(2026, 3)).toBe('2026-10-05');
    expect(deadline(2026, 3)).toBe('2026-10-08'); // 1–7 October are National Day
    expect(deadline(2026, 1)).toBe('2026-04-07'); // 清明: 4–6 April 2026
    expect(deadline(2026, 4)).toBe('2027-01-05');
    expect(deadline(2026, 2)).toBe('2026-07-06'); // 5 July 2026 is a Sunday
  });

  it('reminds before the holiday, on the day and every working day after', () => {
    const schedule = reminderSchedule(2026, 3);
    expect(schedule.slice(0, 4).map((r) => [r.kind, r.date])).toEqual([
      // 25 September is 中秋 (a holiday), so five working days before 8 October is the 23rd
      ['before', '2026-09-23'], ['before', '2026-09-30'], ['due_today', '2026-10-08'], ['overdue', '2026-10-09'],
    ]);
    expect(schedule[4].date).toBe('2026-10-10'); // the 调休 Saturday is a working day
    expect(reminderOn('2026-10-03', 2026, 3)).toBeUndefined();
    expect(reminderOn('2026-10-12', 2026, 3)?.kind).toBe('overdue');
  });

  it('is late only after the moved deadline', () => {
    expect(isLate('2026-10-08', '2026-10-08', '2026-10-20')).toBe(false);
    expect(isLate('2026-10-09', '2026-10-08', '2026-10-20')).toBe(true);
    expect(isLate(null, '2026-10-08', '2026-10-08')).toBe(false);
    expect(isLate(null, '2026-10-08', '2026-10-09')).toBe(true);
  });
});

describe('balance checks', () => {
  it('passes a balanced report', () => {
    expect(checkReport([figure('D4.hires', 10, 30, [10, 30]), figure('D4.hires_priority', 4, 12, [4, 12])], new Map([['D4.hires', 20]]))).toEqual([]);
  });

  it('finds a falling cumulative, a part above its whole, a quarter above the cumulative, fractions and negatives', () => {
    const codes = checkReport(
      [figure('D4.hires', 40, 30), figure('D4.hires_priority', 5, 31), figure('D1.filled', 1.5, 2), figure('D2.events', -1, 3)],
      new Map([['D4.hires', 35]]),
    ).map((i) => `${i.indicator}:${i.code}`);
    expect(codes).toEqual(expect.arrayContaining([
      'D4.hires:CUMULATIVE_FELL', 'D4.hires:QUARTER_ABOVE_CUMULATIVE', 'D4.hires_priority:PART_ABOVE_WHOLE', 'D1.filled:NOT_AN_INTEGER', 'D2.events:OUT_OF_RANGE',
    ]));
  });

  it('asks for a note when a figure is far from the platform count, and accepts it with one', () => {
    expect(checkReport([figure('D1.hires', 20, 20, [10, 10])], new Map()).map((i) => i.code)).toEqual(['FAR_FROM_PLATFORM_NEEDS_NOTE']);
    expect(checkReport([figure('D1.hires', 20, 20, [10, 10], '含未在平台登记的园区招聘')], new Map())).toEqual([]);
    expect(checkReport([figure('D1.hires', 11, 11, [10, 10])], new Map())).toEqual([]); // within 10%
  });
});

describe('quarter compile', () => {
  const reporters = [
    { code: '460100', nameZh: '海口市', nameEn: 'Haikou', kind: 'city' as const },
    { code: '469001', nameZh: '五指山市', nameEn: 'Wuzhishan', kind: 'city' as const },
  ];
  const facts: PlatformFact[] = [
    { reporter: '460100', metric: 'hires', direction: 'livelihood', quarter: 1, count: 10 },
    { reporter: '460100', metric: 'hires', direction: 'livelihood', quarter: 3, count: 5 },
    { reporter: '460100', metric: 'hires', direction: 'livelihood', quarter: 4, count: 99 },
    { reporter: '469001', metric: 'hires', direction: 'livelihood', quarter: 2, count: 2 },
  ];

  it('counts platform figures for the quarter and since 1 January, never after the quarter', () => {
    expect(platformFigures(facts, 3).get('460100')?.get('D4.hires')).toEqual({ quarter: 5, cumulative: 15 });
    const prefilled = prefillFigures(platformFigures(facts, 3).get('460100'), [{ indicator: 'D4.childcare_places', annualGoal: 4.5, milestones: null, attachment: null }]);
    expect(prefilled.find((f) => f.indicator === 'D4.hires')).toMatchObject({ quarter: 5, cumulative: 15, platformCumulative: 15 });
    expect(prefilled.find((f) => f.indicator === 'D4.childcare_places')).toMatchObject({ quarter: null, platformCumulative: null });
  });

  it('flags slow units against 时序进度 minus the tolerance and late units after the deadline', () => {
    const compiled = compileQuarter({
      year: 2026, quarter: 3, deadline: '2026-10-08', today: '2026-10-09', slowTolerance: 0.05,
      reporters,
      plans: new Map([
        ['460100', [{ indicator: 'D4.hires', annualGoal: 20, milestones: null, attachment: null }]], // 75% = elapsed: on track
        ['469001', [{ indicator: 'D4.hires', annualGoal: 10, milestones: null, attachment: null }]], // 20% < 70%: slow
      ]),
      reports: new Map([['460100', { reporter: '460100', status: 'accepted', version: 1, firstSubmittedOn: '2026-09-30', figures: [figure('D4.hires', 5, 15)] }]]),
      facts,
    });
    const cell = (code: string) => compiled.rows.find((r) => r.reporter.code === code)!.cells.find((c) => c.indicator === 'D4.hires')!;
    expect(cell('460100')).toMatchObject({ completion: 0.75, expected: 0.75, gap: 0, status: 'on_track', from: 'report' });
    expect(cell('469001')).toMatchObject({ cumulative: 2, completion: 0.2, status: 'slow', from: 'platform' });
    expect(compiled.slow.map((s) => s.reporter)).toEqual(['469001']);
    expect(compiled.late.map((l) => l.reporter)).toEqual(['469001']);
    expect(compiled.province.find((c) => c.indicator === 'D4.hires')).toMatchObject({ annualGoal: 30, cumulative: 17 });
  });
});
