import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { ImportJobsService } from '@app/employer-demand';
import { ImportJobMessage, importJobQueueId, QUEUES } from '@app/queue';

const POLL_MS = 1000;

/**
 * Hands waiting import_job rows to BullMQ. The API only writes the row (in its request's transaction), so an
 * import is never only in Redis and never in Redis without its row; this loop enqueues queued rows (and running
 * ones whose worker went silent) under a deterministic job id, so handing a row out again is harmless.
 */
@Injectable()
export class ImportJobsDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportJobsDispatcher.name);
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly imports: ImportJobsService,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue<ImportJobMessage>,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Enqueues every waiting row once; returns how many. */
  async dispatch(): Promise<number> {
    const ids = await this.imports.waiting();
    if (ids.length) {
      await this.queue.addBulk(ids.map((importJobId) => ({ name: 'import', data: { importJobId }, opts: { jobId: importJobQueueId(importJobId) } })));
    }
    return ids.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.dispatch();
      } catch (error) {
        this.logger.warn(`import dispatch failed, retrying: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
