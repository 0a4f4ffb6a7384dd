import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { ShortageExpiryService } from '@app/employer-demand';
import { EventRemindersService } from '@app/events';
import { MatchRunsService } from '@app/matching';
import { QUEUES } from '@app/queue';

export const EXPIRE_SHORTAGES = 'expire-shortages';
export const NIGHTLY_REMATCH = 'nightly-rematch';
export const EVENT_REMINDERS = 'event-reminders';

/** Repeating housekeeping. The schedule is registered idempotently by every worker replica; BullMQ keeps one. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly expiry: ShortageExpiryService,
    private readonly runs: MatchRunsService,
    private readonly config: AppConfig,
    private readonly reminders: EventRemindersService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_SHORTAGES, { every: 15 * 60_000 }, { name: EXPIRE_SHORTAGES });
    await this.queue.upsertJobScheduler(NIGHTLY_REMATCH, { pattern: this.config.MATCH_NIGHTLY_CRON, tz: 'Asia/Shanghai' }, { name: NIGHTLY_REMATCH });
    await this.queue.upsertJobScheduler(EVENT_REMINDERS, { pattern: this.config.EVENT_REMINDER_CRON, tz: 'Asia/Shanghai' }, { name: EVENT_REMINDERS });
  }

  async process(job: Job): Promise<{ expired?: number; runId?: string; reminded?: number }> {
    if (job.name === EVENT_REMINDERS) return { reminded: await this.reminders.sendDayBefore() };
    if (job.name === NIGHTLY_REMATCH) return { runId: (await this.runs.request('nightly', null)).id };
    if (job.name !== EXPIRE_SHORTAGES) return { expired: 0 };
    const expired = await this.expiry.expireDue();
    if (expired.length) this.logger.log(`expired ${expired.length} shortages past their deadline`);
    return { expired: expired.length };
  }
}
