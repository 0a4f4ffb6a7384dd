import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { EventDemandService, EventInvitationsService, EventNoticesService, EventPlanningService } from '@app/events';
import { IndexSyncService } from '@app/indexing';
import { IncrementalMatchingService } from '@app/matching';
import { DomainEventJob, OutboxRelayService, QUEUES } from '@app/queue';
import { MatchRunFlow } from './match-run.flow';

/**
 * Follow-up work for the outbox's jobs. Each handler re-reads the record by id, so retries and duplicate
 * deliveries are harmless.
 */
@Processor(QUEUES.domainEvents, { concurrency: 8 })
export class DomainEventsProcessor extends WorkerHost {
  constructor(
    private readonly index: IndexSyncService,
    private readonly outbox: OutboxRelayService,
    private readonly matching: IncrementalMatchingService,
    private readonly runFlow: MatchRunFlow,
    private readonly eventPlanning: EventPlanningService,
    private readonly invitations: EventInvitationsService,
    private readonly notices: EventNoticesService,
    private readonly eventDemand: EventDemandService,
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
        await this.index.syncSeekers([aggregateId]);
        return this.matching.rematchSeeker(aggregateId);
      case 'shortage.changed':
        await this.index.syncShortages([aggregateId]);
        await this.matching.rematchShortage(aggregateId);
        // Event proposals follow demand: withdrawn or re-planned when the shortage is no longer open.
        await this.eventDemand.followShortage(aggregateId);
        return;
      case 'match.run_requested':
        await this.runFlow.start(aggregateId);
        return;
      case 'events.plan_requested':
        await this.eventPlanning.planForRun(aggregateId);
        return;
      case 'event.invitations_sent':
        await this.invitations.deliverSms(aggregateId);
        return;
      case 'event.changed':
        await this.notices.noticeChange(aggregateId);
        return;
      case 'employer.changed':
        await this.index.syncEmployer(aggregateId);
        return;
      default:
        return;
    }
  }
}
