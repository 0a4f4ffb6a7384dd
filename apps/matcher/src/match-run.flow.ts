import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { MatchRunsService } from '@app/matching';
import { finalizeRunJobId, MATCH_JOB_OPTIONS, MATCH_JOBS, QUEUES, ScoreShardJob, scoreShardJobId } from '@app/queue';

/**
 * Starts a full re-match as a BullMQ flow: a child job per shard (region x occupation medium group) and a
 * parent that allocates once every child has finished. Job ids are fixed per run and shard, so a re-delivered
 * outbox row adds nothing new. A shard that keeps failing waits in the dead-letter list; redriving it lets
 * the parent finish.
 */
@Injectable()
export class MatchRunFlow {
  constructor(
    @InjectFlowProducer(QUEUES.matching) private readonly flows: FlowProducer,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
    private readonly runs: MatchRunsService,
    private readonly config: AppConfig,
  ) {}

  async start(runId: string, jobOptions: { attempts: number; backoff?: { type: 'exponential' | 'fixed'; delay: number } } = MATCH_JOB_OPTIONS): Promise<number> {
    // Shards that run at once: each matcher process consuming the queue now (this one among them) runs
    // MATCH_JOBS_PER_PROCESS. A process started later still takes shards, only the split of large groups ignores it.
    const processes = Math.max(1, await this.queue.getWorkersCount());
    const shards = await this.runs.plan(runId, processes * this.config.MATCH_JOBS_PER_PROCESS);
    const children = shards.map((shard) => {
      const data: ScoreShardJob = { runId, regionCode: shard.regionCode, group: shard.group };
      return { name: MATCH_JOBS.scoreShard, queueName: QUEUES.matching, data, opts: { ...MATCH_JOB_OPTIONS, ...jobOptions, jobId: scoreShardJobId(data) } };
    });
    await this.flows.add({
      name: MATCH_JOBS.finalize,
      queueName: QUEUES.matching,
      data: { runId },
      opts: { ...MATCH_JOB_OPTIONS, ...jobOptions, jobId: finalizeRunJobId(runId) },
      children,
    });
    return shards.length;
  }
}
