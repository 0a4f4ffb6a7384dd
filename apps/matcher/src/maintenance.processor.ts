import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ShortageExpiryService } from '@app/employer-demand';
import { QUEUES } from '@app/queue';

export const EXPIRE_SHORTAGES = 'expire-shortages';

/** Repeating housekeeping. The schedule is registered idempotently by every worker replica; BullMQ keeps one. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly expiry: ShortageExpiryService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_SHORTAGES, { every: 15 * 60_000 }, { name: EXPIRE_SHORTAGES });
  }

  async process(job: Job): Promise<{ expired: number }> {
    if (job.name !== EXPIRE_SHORTAGES) return { expired: 0 };
    const expired = await this.expiry.expireDue();
    if (expired.length) this.logger.log(`expired ${expired.length} shortages past their deadline`);
    return { expired: expired.length };
  }
}
