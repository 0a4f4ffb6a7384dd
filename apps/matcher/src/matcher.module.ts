import { Module } from '@nestjs/common';
import { DemoDataModule } from '@app/demo-setup';
import { EmployerDemandModule } from '@app/employer-demand';
import { EventsModule } from '@app/events';
import { IndexingModule } from '@app/indexing';
import { MatchingModule } from '@app/matching';
import { OutboxRelayService, QueueModule } from '@app/queue';
import { DomainEventsProcessor } from './domain-events.processor';
import { ImportJobsDispatcher } from './import-jobs.dispatcher';
import { ImportJobsProcessor } from './import-jobs.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { MatchRunFlow } from './match-run.flow';
import { MatcherHeartbeat } from './matcher-heartbeat';
import { MatchingProcessor } from './matching.processor';

/** The BullMQ worker: relays the outbox to queues and runs the jobs. No public HTTP. */
@Module({
  imports: [QueueModule, DemoDataModule, EmployerDemandModule, IndexingModule, MatchingModule, EventsModule],
  providers: [
    OutboxRelayService, DomainEventsProcessor, MaintenanceProcessor, ImportJobsProcessor, ImportJobsDispatcher, MatchRunFlow, MatchingProcessor, MatcherHeartbeat,
  ],
})
export class MatcherModule {}
