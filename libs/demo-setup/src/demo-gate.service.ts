import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/clock';
import { AppConfig } from '@app/config';
import { DemoRefreshService } from './demo-refresh.service';

const POLL_MS = 1000;

/**
 * What scheduled jobs (expiry, reminders, nightly re-match and the planning it triggers) wait for in demo mode: the
 * demo data loaded and, when it was loaded on an earlier day, brought forward to today. Without it the first expiry
 * run of `npm start` raced the demo load, and a restarted demo expired everything before anyone refreshed it.
 * Outside demo mode the gate is open from the start; a demo-mode database holding other data (employers but no
 * demo_state row) opens it too.
 */
@Injectable()
export class DemoGate implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoGate.name);
  private opening?: Promise<void>;
  private opened = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly refresher: DemoRefreshService,
    private readonly clock: Clock,
  ) {}

  get isOpen(): boolean {
    return this.opened || !this.config.DEMO_MODE;
  }

  /** Resolves once the demo data is there and current (at once outside demo mode). Rejects when the app shuts down first. */
  whenOpen(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.opening ??= this.wait().then(() => {
      this.opened = true;
    });
    return this.opening;
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private async wait(): Promise<void> {
    let told = false;
    for (;;) {
      if (this.stopped) throw new Error('shutting down before the demo data was loaded');
      const refreshedOn = await this.refresher.refreshedOn();
      if (refreshedOn !== null) {
        if (refreshedOn < this.clock.today()) await this.refresher.refresh();
        return;
      }
      const [{ employers }]: { employers: boolean }[] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM employer) AS employers`);
      if (employers) return;
      if (!told) this.logger.log('scheduled jobs wait for the demo data to load');
      told = true;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
