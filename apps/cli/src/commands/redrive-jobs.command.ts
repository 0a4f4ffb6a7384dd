import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Command, CommandRunner, Option } from 'nest-commander';
import { listDeadLetters, QUEUES, redriveDeadLetters } from '@app/queue';

interface RedriveOptions {
  queue?: string;
  list?: boolean;
}

/** The dead-letter list is each queue's failed jobs (kept, never removed); redriving retries them. */
@Command({ name: 'jobs:redrive', description: 'List (--list) or retry the failed (dead-lettered) jobs of every queue, or of --queue NAME' })
export class RedriveJobsCommand extends CommandRunner {
  constructor(private readonly modules: ModuleRef) {
    super();
  }

  async run(_args: string[], options: RedriveOptions): Promise<void> {
    const names = options.queue ? [options.queue] : Object.values(QUEUES);
    for (const name of names) {
      if (!Object.values(QUEUES).includes(name as never)) throw new Error(`unknown queue "${name}": use ${Object.values(QUEUES).join(', ')}`);
      const queue = this.modules.get<Queue>(getQueueToken(name), { strict: false });
      if (options.list) {
        const failed = await listDeadLetters(queue);
        for (const job of failed) console.log(`${name} ${job.id} ${job.name}: ${job.failedReason} (${job.attemptsMade} attempts)`);
        console.log(`${name}: ${failed.length} failed`);
      } else {
        console.log(`${name}: ${await redriveDeadLetters(queue)} redriven`);
      }
    }
  }

  @Option({ flags: '--queue <name>', description: 'one queue only' })
  parseQueue(value: string): string {
    return value;
  }

  @Option({ flags: '--list', description: 'list the failed jobs without retrying them' })
  parseList(): boolean {
    return true;
  }
}
