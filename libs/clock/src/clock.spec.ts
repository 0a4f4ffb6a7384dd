import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('stands still until moved, and gives the Shanghai date', () => {
    const clock = new ManualClock(new Date('2026-12-07T15:59:00Z'));
    expect(clock.today()).toBe('2026-12-07');
    clock.set(new Date('2026-12-07T16:00:00Z'));
    expect(clock.today()).toBe('2026-12-08');
    clock.advanceDays(30);
    expect(clock.today()).toBe('2027-01-07');
    expect(clock.now().toISOString()).toBe('2027-01-06T16:00:00.000Z');
  });
});
