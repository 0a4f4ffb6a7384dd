import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DomainEventJob, QUEUES } from '@app/queue';
import { OutboxHandlers } from './outbox-handlers';

/**
 * Runs background workbook imports (outbox topic `import.requested`, routed to their own queue by TOPIC_QUEUES) through
 * the one handler map, two at a time, so a backlog of domain events never holds an import up.
 */
@Processor(QUEUES.imports, { concurrency: 2 })
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly handlers: OutboxHandlers) {
    super();
  }

  process(job: Job<DomainEventJob>): Promise<void> {
    return this.handlers.process(job);
  }
}
