import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DomainEventJob, QUEUES } from '@app/queue';
import { OutboxHandlers } from './outbox-handlers';

/** Runs the outbox's follow-up jobs (re-index, re-match, notify, plan) through the one handler map. */
@Processor(QUEUES.domainEvents, { concurrency: 8 })
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly handlers: OutboxHandlers) {
    super();
  }

  process(job: Job<DomainEventJob>): Promise<void> {
    return this.handlers.process(job);
  }
}
