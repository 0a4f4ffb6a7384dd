import { OUTBOX_TOPICS, OutboxTopic } from '@app/database';

/** Every queue the platform uses. Payloads carry ids only; processors re-load what they need. */
export const QUEUES = {
  /** Follow-up work for writes (re-index, re-match, notify, background imports). One job per outbox row. */
  domainEvents: 'domain-events',
  /** Background workbook imports (outbox topic `import.requested`): their own lane, so a backlog of domain events never holds them up. */
  imports: 'imports',
  /** Repeating housekeeping: expire shortages past their deadline. */
  maintenance: 'maintenance',
  /** Full re-match flows: one job per shard, then one that allocates over all shards. Ids only (run id, shard codes). */
  matching: 'matching',
} as const;

export { OUTBOX_TOPICS };
export type { OutboxTopic };

/**
 * The job of one outbox row, typed by its topic. Every topic's payload is the id of the aggregate that
 * `OUTBOX_TOPICS` names (ids only: the handler re-reads the record).
 */
export type DomainEventJob<T extends OutboxTopic = OutboxTopic> = {
  [K in T]: { outboxId: string; topic: K; aggregateId: string };
}[T];

/** What a handler learns about its delivery besides the payload. */
export interface DomainEventDelivery {
  /** True on the job's last attempt: a handler may then record a permanent failure the user will read. */
  finalAttempt: boolean;
}

/** Does the follow-up work of one topic. Must be idempotent: BullMQ and the outbox deliver at least once. */
export type DomainEventHandler<T extends OutboxTopic> = (job: DomainEventJob<T>, delivery: DomainEventDelivery) => Promise<unknown>;

/** One handler per topic: a topic without a handler (or a handler of a topic that does not exist) fails to compile. */
export type DomainEventHandlers = { [T in OutboxTopic]: DomainEventHandler<T> };

/** The queue that carries each topic's jobs (the relay routes by it; the matcher's processors share one handler map). */
export const TOPIC_QUEUES: { [T in OutboxTopic]: typeof QUEUES.domainEvents | typeof QUEUES.imports } = {
  'employer.changed': QUEUES.domainEvents,
  'shortage.changed': QUEUES.domainEvents,
  'seeker.changed': QUEUES.domainEvents,
  'application.changed': QUEUES.domainEvents,
  'subsidy.hire_recorded': QUEUES.domainEvents,
  'match.run_requested': QUEUES.domainEvents,
  'events.plan_requested': QUEUES.domainEvents,
  'event.invitations_sent': QUEUES.domainEvents,
  'event.changed': QUEUES.domainEvents,
  'postings.rescreen_requested': QUEUES.domainEvents,
  'station.changed': QUEUES.domainEvents,
  'import.requested': QUEUES.imports,
  'warning.signals_changed': QUEUES.domainEvents,
  'warning.layoff_reported': QUEUES.domainEvents,
  'subsidy.fraud_check_requested': QUEUES.domainEvents,
  'subsidy.claim_paid': QUEUES.domainEvents,
};

/** Every topic, in `OUTBOX_TOPICS` order. */
export const outboxTopics = (): OutboxTopic[] => Object.keys(OUTBOX_TOPICS) as OutboxTopic[];

/** Deterministic job ids de-duplicate re-sent outbox rows. */
export const domainEventJobId = (outboxId: string) => `outbox-${outboxId}`;

export const MATCH_JOBS = { scoreShard: 'score-shard', finalize: 'finalize-run' } as const;

export interface ScoreShardJob {
  runId: string;
  regionCode: string;
  group: string;
}

export interface FinalizeRunJob {
  runId: string;
}

/** One job per run and shard, however often the run's outbox row is delivered. */
export const scoreShardJobId = (job: ScoreShardJob) => `run-${job.runId}-shard-${job.regionCode}-${job.group}`;
export const finalizeRunJobId = (runId: string) => `run-${runId}-finalize`;

/** Flow jobs do not take a queue's default options, so the matching flow sets its own. */
export const MATCH_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  // Failed jobs are kept: they are the dead-letter list an admin redrives.
  removeOnFail: false,
} as const;
