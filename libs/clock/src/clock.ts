import { shanghaiDate } from './shanghai-calendar';

/**
 * The platform's one source of "now". Services that decide by date (expiry, reminders, event planning, the demo's
 * dates) ask the injected Clock instead of `new Date()`, so tests can move time forward without waiting.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's date in Asia/Shanghai, YYYY-MM-DD. */
  today(): string {
    return shanghaiDate(this.now());
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
