import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Clock, SHANGHAI_TIME_ZONE } from '@app/clock';
import { AppConfig } from '@app/config';
import { DemoGate, DemoRefreshService } from '@app/demo-setup';
import { ShortageExpiryService } from '@app/employer-demand';
import { EventRemindersService } from '@app/events';
import { MatchRunsService } from '@app/matching';
import { QUEUES } from '@app/queue';
import { FraudChecksService } from '@app/subsidies';

export const EXPIRE_SHORTAGES = 'expire-shortages';
export const NIGHTLY_REMATCH = 'nightly-rematch';
export const EVENT_REMINDERS = 'event-reminders';
export const NIGHTLY_FRAUD_CHECKS = 'nightly-fraud-checks';
/** The subsidy fraud checks over every live claim: 02:30 Shanghai time, after the night's imports. */
export const NIGHTLY_FRAUD_CRON = '30 2 * * *';

export interface MaintenanceResult {
  expired?: number;
  runId?: string;
  reminded?: number;
  /** Suspicious cases the nightly fraud checks raised. */
  fraudCasesRaised?: number;
  /** Demo mode: the job came before the demo data was loaded and did nothing. */
  skipped?: 'waiting-for-demo-data';
  /** Demo mode: shortages whose deadline the day's demo refresh moved forward, and shortages it added. */
  demoRolled?: number;
  demoToppedUp?: number;
}

/**
 * Repeating housekeeping. The schedule is registered idempotently by every worker replica; BullMQ keeps one.
 * In demo mode nothing is scheduled until the demo data is loaded (and brought forward to today), and a job left
 * in Redis from an earlier run that fires before then does nothing. The expiry run of demo mode first runs the
 * day's demo refresh (once a day), so demo shortages are moved forward before anything expires them.
 */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly expiry: ShortageExpiryService,
    private readonly runs: MatchRunsService,
    private readonly config: AppConfig,
    private readonly reminders: EventRemindersService,
    private readonly gate: DemoGate,
    private readonly demo: DemoRefreshService,
    private readonly clock: Clock,
    private readonly fraud: FraudChecksService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Not awaited: in `npm start` the demo loads after the application has started.
    void this.gate
      .whenOpen()
      .then(() => this.schedule())
      .catch((error: unknown) => this.logger.warn(`maintenance schedule not registered: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_SHORTAGES, { every: 15 * 60_000 }, { name: EXPIRE_SHORTAGES });
    await this.queue.upsertJobScheduler(NIGHTLY_REMATCH, { pattern: this.config.MATCH_NIGHTLY_CRON, tz: SHANGHAI_TIME_ZONE }, { name: NIGHTLY_REMATCH });
    await this.queue.upsertJobScheduler(EVENT_REMINDERS, { pattern: this.config.EVENT_REMINDER_CRON, tz: SHANGHAI_TIME_ZONE }, { name: EVENT_REMINDERS });
    await this.queue.upsertJobScheduler(NIGHTLY_FRAUD_CHECKS, { pattern: NIGHTLY_FRAUD_CRON, tz: SHANGHAI_TIME_ZONE }, { name: NIGHTLY_FRAUD_CHECKS });
  }

  async process(job: Pick<Job, 'name'>): Promise<MaintenanceResult> {
    if (!this.gate.isOpen) return { skipped: 'waiting-for-demo-data' };
    if (job.name === EVENT_REMINDERS) return { reminded: await this.reminders.sendDayBefore(this.clock.now()) };
    if (job.name === NIGHTLY_FRAUD_CHECKS) return { fraudCasesRaised: (await this.fraud.runNightly()).raised };
    if (job.name === NIGHTLY_REMATCH) return { runId: (await this.runs.request('nightly', null)).id };
    if (job.name !== EXPIRE_SHORTAGES) return { expired: 0 };
    const refresh = this.config.DEMO_MODE ? await this.demo.refresh() : null;
    const expired = await this.expiry.expireDue(this.clock.today());
    if (expired.length) this.logger.log(`expired ${expired.length} shortages past their deadline`);
    return { expired: expired.length, ...(refresh?.refreshed ? { demoRolled: refresh.rolled, demoToppedUp: refresh.toppedUp } : {}) };
  }
}
