import { Module } from '@nestjs/common';
import { DevelopmentPlanModule } from '@app/development-plan';
import { DemoDataModule } from '@app/demo-setup';
import { EarlyWarningModule } from '@app/early-warning';
import { EmployerDemandModule } from '@app/employer-demand';
import { EventsModule } from '@app/events';
import { IndexingModule } from '@app/indexing';
import { MatchingModule } from '@app/matching';
import { OutboxRelayService, QueueModule } from '@app/queue';
import { ReportingModule } from '@app/reporting';
import { SeekerPoolModule } from '@app/seeker-pool';
import { DomainEventsProcessor } from './domain-events.processor';
import { ImportsProcessor } from './imports.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { MatchRunFlow } from './match-run.flow';
import { MatcherHeartbeat } from './matcher-heartbeat';
import { MatchingProcessor } from './matching.processor';
import { OutboxHandlers } from './outbox-handlers';
import { SubsidyPaymentsModule } from '@app/subsidies';

/** The BullMQ worker: relays the outbox to queues and runs the jobs. No public HTTP. */
@Module({
  imports: [QueueModule, DemoDataModule, EmployerDemandModule, IndexingModule, MatchingModule, EventsModule, SeekerPoolModule, EarlyWarningModule, DevelopmentPlanModule, SubsidyPaymentsModule, ReportingModule],
  providers: [
    OutboxRelayService, OutboxHandlers, DomainEventsProcessor, ImportsProcessor, MaintenanceProcessor, MatchRunFlow, MatchingProcessor, MatcherHeartbeat,
  ],
})
export class MatcherModule {}
