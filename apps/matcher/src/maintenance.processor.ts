import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Clock, SHANGHAI_TIME_ZONE } from '@app/clock';
import { AppConfig } from '@app/config';
import { DemoGate, DemoRefreshService } from '@app/demo-setup';
import { PlanRemindersService } from '@app/development-plan';
import { WarningAlertsService } from '@app/early-warning';
import { ShortageExpiryService } from '@app/employer-demand';
import { EventRemindersService } from '@app/events';
import { MatchRunsService } from '@app/matching';
import { QUEUES } from '@app/queue';
import { WarningMarketService } from '@app/reporting';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { ClaimsService, FraudChecksService } from '@app/subsidies';

export const EXPIRE_SHORTAGES = 'expire-shortages';
export const NIGHTLY_REMATCH = 'nightly-rematch';
export const EVENT_REMINDERS = 'event-reminders';
/** Quarterly-report reminders of the job-development plan: daily at 09:00 Asia/Shanghai (the schedule itself is on the working-day calendar). */
export const PLAN_REMINDERS = 'plan-reminders';
export const PLAN_REMINDER_CRON = '0 9 * * *';
/** Escalates unacknowledged early-warning alerts whose limit has passed (every 5 minutes, on the injected clock). */
export const ESCALATE_ALERTS = 'escalate-alerts';
/** The early warning's market figures (求人倍率, new registrations) of the month, per region: daily at 23:30 Asia/Shanghai, so the month's last run ends it. */
export const WARNING_MARKET = 'warning-market';
export const WARNING_MARKET_CRON = '30 23 * * *';
/** Daily: approve subsidy claims whose public notice ended, and re-check candidate claims (免申即享). */
export const SUBSIDY_CLAIMS_DAILY = 'subsidy-claims-daily';
export const NIGHTLY_FRAUD_CHECKS = 'nightly-fraud-checks';
/** The subsidy fraud checks over every live claim: 02:30 Shanghai time, after the night's imports. */
export const NIGHTLY_FRAUD_CRON = '30 2 * * *';

export interface MaintenanceResult {
  expired?: number;
  runId?: string;
  reminded?: number;
  planReminders?: number;
  /** Subsidy claims approved after their notice, and candidate claims offered to their employers. */
  noticesEnded?: number;
  candidatesOffered?: number;
  /** Suspicious cases the nightly fraud checks raised. */
  fraudCasesRaised?: number;
  /** Demo mode: the job came before the demo data was loaded and did nothing. */
  skipped?: 'waiting-for-demo-data';
  /** Demo mode: shortages whose deadline the day's demo refresh moved forward, and shortages it added. */
  demoRolled?: number;
  demoToppedUp?: number;
  escalated?: number;
  /** Regions whose market figures were recorded. */
  marketRegions?: number;
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
    private readonly planReminders: PlanRemindersService,
    private readonly warnings: WarningAlertsService,
    private readonly claims: ClaimsService,
    private readonly cls: ClsService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly fraud: FraudChecksService,
    private readonly warningMarket: WarningMarketService,
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
    await this.queue.upsertJobScheduler(ESCALATE_ALERTS, { every: 5 * 60_000 }, { name: ESCALATE_ALERTS });
    await this.queue.upsertJobScheduler(WARNING_MARKET, { pattern: WARNING_MARKET_CRON, tz: SHANGHAI_TIME_ZONE }, { name: WARNING_MARKET });
    await this.queue.upsertJobScheduler(SUBSIDY_CLAIMS_DAILY, { pattern: '30 0 * * *', tz: SHANGHAI_TIME_ZONE }, { name: SUBSIDY_CLAIMS_DAILY });
    await this.queue.upsertJobScheduler(EVENT_REMINDERS, { pattern: this.config.EVENT_REMINDER_CRON, tz: SHANGHAI_TIME_ZONE }, { name: EVENT_REMINDERS });
    await this.queue.upsertJobScheduler(PLAN_REMINDERS, { pattern: PLAN_REMINDER_CRON, tz: SHANGHAI_TIME_ZONE }, { name: PLAN_REMINDERS });
    await this.queue.upsertJobScheduler(NIGHTLY_FRAUD_CHECKS, { pattern: NIGHTLY_FRAUD_CRON, tz: SHANGHAI_TIME_ZONE }, { name: NIGHTLY_FRAUD_CHECKS });
  }

  async process(job: Pick<Job, 'name'>): Promise<MaintenanceResult> {
    if (!this.gate.isOpen) return { skipped: 'waiting-for-demo-data' };
    if (job.name === EVENT_REMINDERS) return { reminded: await this.reminders.sendDayBefore(this.clock.now()) };
    if (job.name === PLAN_REMINDERS) return { planReminders: (await this.planReminders.run(this.clock.now())).length };
    if (job.name === ESCALATE_ALERTS) return { escalated: await this.warnings.escalateDue(this.clock.now()) };
    if (job.name === WARNING_MARKET) return { marketRegions: (await this.cls.run(() => this.warningMarket.snapshot(this.clock.now()))).length };
    if (job.name === SUBSIDY_CLAIMS_DAILY) {
      return this.cls.run(() =>
        this.txHost.withTransaction(async () => ({ noticesEnded: await this.claims.endNotices(), candidatesOffered: await this.claims.recheckCandidates() })),
      );
    }
    if (job.name === NIGHTLY_FRAUD_CHECKS) return { fraudCasesRaised: (await this.fraud.runNightly()).raised };
    if (job.name === NIGHTLY_REMATCH) return { runId: (await this.runs.request('nightly', null)).id };
    if (job.name !== EXPIRE_SHORTAGES) return { expired: 0 };
    const refresh = this.config.DEMO_MODE ? await this.demo.refresh() : null;
    const expired = await this.expiry.expireDue(this.clock.today());
    if (expired.length) this.logger.log(`expired ${expired.length} shortages past their deadline`);
    return { expired: expired.length, ...(refresh?.refreshed ? { demoRolled: refresh.rolled, demoToppedUp: refresh.toppedUp } : {}) };
  }
}
