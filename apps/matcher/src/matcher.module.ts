import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { IndexingModule } from '@app/indexing';
import { OutboxRelayService, QueueModule } from '@app/queue';
import { DomainEventsProcessor } from './domain-events.processor';
import { ImportJobsDispatcher } from './import-jobs.dispatcher';
import { ImportJobsProcessor } from './import-jobs.processor';
import { MaintenanceProcessor } from './maintenance.processor';

/** The BullMQ worker: relays the outbox to queues and runs the jobs. No public HTTP. */
@Module({
  imports: [QueueModule, EmployerDemandModule, IndexingModule],
  providers: [OutboxRelayService, DomainEventsProcessor, MaintenanceProcessor, ImportJobsProcessor, ImportJobsDispatcher],
})
export class MatcherModule {}
