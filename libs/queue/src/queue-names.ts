import { OutboxTopic } from '@app/database';

/** Every queue the platform uses. Payloads carry ids only; processors re-load what they need. */
export const QUEUES = {
  /** Follow-up work for writes: re-index, re-match. One job per outbox row. */
  domainEvents: 'domain-events',
  /** Repeating housekeeping: expire shortages past their deadline. */
  maintenance: 'maintenance',
  /** Background workbook imports; the import_job row is the record, the job carries its id. */
  imports: 'imports',
  /** Full re-match flows: one job per shard, then one that allocates over all shards. Ids only (run id, shard codes). */
  matching: 'matching',
} as const;

export interface DomainEventJob {
  outboxId: string;
  topic: OutboxTopic;
  aggregateId: string;
}

/** Deterministic job ids de-duplicate re-sent outbox rows. */
export const domainEventJobId = (outboxId: string) => `outbox-${outboxId}`;

export interface ImportJobMessage {
  importJobId: string;
}

/** One BullMQ job per import_job row, however often the row is handed out. */
export const importJobQueueId = (importJobId: string) => `import-${importJobId}`;

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
