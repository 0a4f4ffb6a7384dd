import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { MatchRunsService } from '@app/matching';
import { FinalizeRunJob, MATCH_JOBS, QUEUES, ScoreShardJob } from '@app/queue';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the steps of a full re-match flow; MatchRunsService makes each step idempotent. A shard is a whole occupation
 * group (at tier L up to ~200k seekers read and indexed, with the event loop busy for seconds at a time on a loaded
 * machine), so a job's lock lasts 5 minutes rather than BullMQ's 30 s: at L the shorter lock expired and shards were
 * taken as stalled. A killed worker's shard is retried once its lock runs out. Jobs at once: MATCH_JOBS_PER_PROCESS.
 */
@Processor(QUEUES.matching, { concurrency: 2, lockDuration: 300_000 })
export class MatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly runs: MatchRunsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.MATCH_JOBS_PER_PROCESS;
  }

  async process(job: Job<ScoreShardJob | FinalizeRunJob>): Promise<unknown> {
    return handleMatchingJob(this.runs, job);
  }
}

/** The job handler on its own, so tests can run it in workers they control (kill, crash, redrive). */
export async function handleMatchingJob(runs: MatchRunsService, job: Job<ScoreShardJob | FinalizeRunJob>): Promise<unknown> {
  if (job.name === MATCH_JOBS.scoreShard) {
    const { runId, regionCode, group } = job.data as ScoreShardJob;
    return { pairs: await runs.scoreShard(runId, { regionCode, group }, yieldToEventLoop) };
  }
  if (job.name === MATCH_JOBS.finalize) {
    await runs.finalize((job.data as FinalizeRunJob).runId);
    return { finalized: true };
  }
  throw new Error(`unknown matching job "${job.name}"`);
}
