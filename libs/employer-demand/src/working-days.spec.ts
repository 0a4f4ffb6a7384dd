import { overdueCutoff } from './working-days';

describe('overdueCutoff', () => {
  it('walks back working days, skipping the weekend in Asia/Shanghai', () => {
    // Wednesday 2025-07-09 10:00 Shanghai; three working days back is Friday 2025-07-04 10:00.
    expect(overdueCutoff(new Date('2025-07-09T02:00:00Z'), 3).toISOString()).toBe('2025-07-04T02:00:00.000Z');
    // Monday 2025-07-07 10:00; one working day back is Friday 2025-07-04.
    expect(overdueCutoff(new Date('2025-07-07T02:00:00Z'), 1).toISOString()).toBe('2025-07-04T02:00:00.000Z');
    // Tuesday within the week: no weekend crossed.
    expect(overdueCutoff(new Date('2025-07-08T02:00:00Z'), 1).toISOString()).toBe('2025-07-07T02:00:00.000Z');
  });
});

describe('overdueCutoff over public holidays', () => {
  it('skips the National Day holiday and counts the 调休 Saturday', () => {
    // Thursday 2026-10-08 10:00 Shanghai: one working day back is Wednesday 2026-09-30 (1–7 October are off).
    expect(overdueCutoff(new Date('2026-10-08T02:00:00Z'), 1).toISOString()).toBe('2026-09-30T02:00:00.000Z');
    // Monday 2026-10-12: one working day back is Saturday 2026-10-10, a make-up working day.
    expect(overdueCutoff(new Date('2026-10-12T02:00:00Z'), 1).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });
});
