import { Module } from '@nestjs/common';
import { OutboxRelayService, QueueModule } from '@app/queue';
import { DomainEventsProcessor } from './domain-events.processor';

/** The BullMQ worker: relays the outbox to queues and runs the jobs. No public HTTP. */
@Module({
  imports: [QueueModule],
  providers: [OutboxRelayService, DomainEventsProcessor],
})
export class MatcherModule {}
