/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * The platform's one source of "now". Services that decide by date (expiry, reminders, event planning, the demo's
 * dates) ask the injected Clock instead of `new Date()`, so tests can move time forward without waiting.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in Asia/Shanghai, YYYY-MM-DD. */
  today(): string {
    return new Date(this.now().getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  }
}

/** The machine's clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved: for tests and benchmarks that need to control time. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    super();
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = at.getTime();
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }
}
