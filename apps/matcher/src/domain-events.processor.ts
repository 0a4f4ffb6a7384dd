import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { IndexSyncService } from '@app/indexing';
import { DomainEventJob, OutboxRelayService, QUEUES } from '@app/queue';

/**
 * Follow-up work for the outbox's jobs. Each handler re-reads the record by id, so retries and duplicate
 * deliveries are harmless. Matching subscribes here as it is built.
 */
@Processor(QUEUES.domainEvents, { concurrency: 8 })
export class DomainEventsProcessor extends WorkerHost {
  constructor(
    private readonly index: IndexSyncService,
    private readonly outbox: OutboxRelayService,
  ) {
    super();
  }

  async process(job: Job<DomainEventJob>): Promise<void> {
    await this.handle(job.data);
    await this.outbox.acknowledge(job.data.outboxId);
  }

  private async handle({ topic, aggregateId }: DomainEventJob): Promise<void> {
    switch (topic) {
      case 'seeker.changed':
        return this.index.syncSeekers([aggregateId]);
      case 'shortage.changed':
        return this.index.syncShortages([aggregateId]);
      case 'employer.changed':
        return this.index.syncEmployer(aggregateId);
      default:
        return;
    }
  }
}
