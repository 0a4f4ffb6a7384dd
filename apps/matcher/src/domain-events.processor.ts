import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DomainEventJob, QUEUES } from '@app/queue';

/**
 * Consumes the outbox's follow-up jobs. Search indexing and matching subscribe here as they are built;
 * until then a job is acknowledged and logged, so the queue never grows without bound.
 */
@Processor(QUEUES.domainEvents, { concurrency: 8 })
export class DomainEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(DomainEventsProcessor.name);

  async process(job: Job<DomainEventJob>): Promise<void> {
    this.logger.debug(`${job.data.topic} ${job.data.aggregateId} (outbox ${job.data.outboxId})`);
  }
}
