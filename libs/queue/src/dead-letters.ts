import { Queue } from 'bullmq';

export interface DeadLetter {
  queue: string;
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
}

/** The dead-letter list of a queue: its failed jobs, which are kept (removeOnFail: false) until redriven. */
export async function listDeadLetters(queue: Queue): Promise<DeadLetter[]> {
  const failed = await queue.getFailed();
  return failed.map((job) => ({ queue: queue.name, id: job.id ?? '', name: job.name, failedReason: job.failedReason, attemptsMade: job.attemptsMade }));
}

/** Retries every failed job of the queue (a parent waiting for a redriven child then goes on); returns how many. */
export async function redriveDeadLetters(queue: Queue): Promise<number> {
  const failed = await queue.getFailed();
  for (const job of failed) await job.retry();
  return failed.length;
}
