import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { RapidResponseService, WarningAlertsService, WarningSignalsService } from '@app/early-warning';
import { ImportJobsService, PostingRescreenService } from '@app/employer-demand';
import { ApplicationSmsService, EventDemandService, EventInvitationsService, EventNoticesService, EventPlanningService, EventStationService } from '@app/events';
import { IndexSyncService } from '@app/indexing';
import { IncrementalMatchingService } from '@app/matching';
import { DomainEventDelivery, DomainEventHandlers, DomainEventJob, OutboxRelayService } from '@app/queue';
import { ApplicationNoticesService } from '@app/seeker-pool';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClaimsService, FraudChecksService, PaymentNoticesService } from '@app/subsidies';
import { MatchRunFlow } from './match-run.flow';

/**
 * The follow-up work of every outbox topic: one handler per topic (`DomainEventHandlers` makes a missing one a compile
 * error). Each handler re-reads the record by id, so retries and duplicate deliveries are harmless. The queues' processors
 * (domain-events, imports) run jobs through `process`; a job whose topic has no handler fails (and stays in the
 * dead-letter list) instead of being acknowledged unseen.
 */
@Injectable()
export class OutboxHandlers {
  readonly handlers: DomainEventHandlers = {
    'seeker.changed': async ({ aggregateId }) => {
      await this.index.syncSeekers([aggregateId]);
      await this.matching.rematchSeeker(aggregateId);
    },
    'shortage.changed': async ({ aggregateId }) => {
      await this.index.syncShortages([aggregateId]);
      await this.matching.rematchShortage(aggregateId);
      // Event proposals follow demand: withdrawn or re-planned when the shortage is no longer open.
      await this.eventDemand.followShortage(aggregateId);
    },
    // The search document, then the early warning follows the enterprise on or off the abnormal list.
    'employer.changed': async ({ aggregateId }) => {
      await this.index.syncEmployer(aggregateId);
      await this.warningSignals.followEmployerStatus(aggregateId);
    },
    // In-app notices (employer of a new application or a withdrawal, seeker of each step), then the employer's SMS where it opted in.
    'application.changed': async ({ aggregateId }) => {
      await this.applicationNotices.noticeChange(aggregateId);
      await this.applicationSms.deliver(aggregateId);
    },
    'match.run_requested': ({ aggregateId }) => this.runFlow.start(aggregateId),
    'events.plan_requested': ({ aggregateId }) => this.eventPlanning.planForRun(aggregateId),
    'event.invitations_sent': ({ aggregateId }) => this.invitations.deliverSms(aggregateId),
    'event.changed': ({ aggregateId }) => this.notices.noticeChange(aggregateId),
    // Screens whatever is still stale under the running rule set, whichever version the row names.
    'postings.rescreen_requested': () => this.rescreen.rescreenStale(),
    // A station's change re-plans its upcoming events: moved, trimmed or withdrawn, and the people told.
    'station.changed': ({ aggregateId }) => this.eventStations.followStation(aggregateId),
    'warning.signals_changed': ({ aggregateId }) => this.warnings.evaluateRegion(aggregateId),
    // The layoff's own alert first, so the rapid-response case links to it.
    'warning.layoff_reported': async ({ aggregateId }) => {
      await this.warnings.raiseForLayoff(aggregateId);
      await this.rapidResponse.respond(aggregateId);
    },
    // 免申即享: a recorded hire may open a candidate subsidy claim (idempotent: one live claim per person and rule).
    'subsidy.hire_recorded': async ({ aggregateId }) => {
      await this.txHost.withTransaction(() => this.claims.openCandidateFromHire(aggregateId));
    },
    'import.requested': async ({ aggregateId }, { finalAttempt }) => {
      // The import keeps its progress in its row and resumes after the last committed chunk on a retry; the last
      // attempt ends it as failed, with the error the user reads.
      try {
        await this.imports.run(aggregateId);
      } catch (error) {
        if (finalAttempt) await this.imports.fail(aggregateId, `导入失败（已多次重试）：${(error as Error).message}`);
        throw error;
      }
    },
    // The fraud checks of a submitted claim: cases raised once (by fingerprint), however often the job runs.
    'subsidy.fraud_check_requested': ({ aggregateId }) => this.fraudChecks.checkClaims([aggregateId]),
    'subsidy.claim_paid': ({ aggregateId }) => this.paymentNotices.noticePaid(aggregateId),
  };

  constructor(
    private readonly outbox: OutboxRelayService,
    private readonly index: IndexSyncService,
    private readonly matching: IncrementalMatchingService,
    private readonly runFlow: MatchRunFlow,
    private readonly eventPlanning: EventPlanningService,
    private readonly invitations: EventInvitationsService,
    private readonly notices: EventNoticesService,
    private readonly eventDemand: EventDemandService,
    private readonly eventStations: EventStationService,
    private readonly applicationNotices: ApplicationNoticesService,
    private readonly applicationSms: ApplicationSmsService,
    private readonly imports: ImportJobsService,
    private readonly rescreen: PostingRescreenService,
    private readonly warnings: WarningAlertsService,
    private readonly warningSignals: WarningSignalsService,
    private readonly rapidResponse: RapidResponseService,
    private readonly claims: ClaimsService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly fraudChecks: FraudChecksService,
    private readonly paymentNotices: PaymentNoticesService,
  ) {}

  /** Runs a queued outbox job, then marks its row processed. */
  async process(job: Job<DomainEventJob>): Promise<void> {
    await this.handle(job.data, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
    await this.outbox.acknowledge(job.data.outboxId);
  }

  /** Runs the topic's handler. */
  async handle(job: DomainEventJob, delivery: DomainEventDelivery = { finalAttempt: false }): Promise<void> {
    const handler = Object.hasOwn(this.handlers, job.topic) ? (this.handlers[job.topic] as (j: DomainEventJob, d: DomainEventDelivery) => Promise<unknown>) : null;
    if (!handler) throw new Error(`no handler for outbox topic ${job.topic}`);
    await handler(job, delivery);
  }
}
