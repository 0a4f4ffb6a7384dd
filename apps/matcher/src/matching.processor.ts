import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MatchRunsService } from '@app/matching';
import { FinalizeRunJob, MATCH_JOBS, QUEUES, ScoreShardJob } from '@app/queue';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps of a full re-match flow; MatchRunsService makes each step idempotent. */
@Processor(QUEUES.matching, { concurrency: 2 })
export class MatchingProcessor extends WorkerHost {
  constructor(private readonly runs: MatchRunsService) {
    super();
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
