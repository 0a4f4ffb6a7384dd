import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { OutboxRelayService, QueueModule } from '@app/queue';
import { DomainEventsProcessor } from './domain-events.processor';
import { MaintenanceProcessor } from './maintenance.processor';

/** The BullMQ worker: relays the outbox to queues and runs the jobs. No public HTTP. */
@Module({
  imports: [QueueModule, EmployerDemandModule],
  providers: [OutboxRelayService, DomainEventsProcessor, MaintenanceProcessor],
})
export class MatcherModule {}
