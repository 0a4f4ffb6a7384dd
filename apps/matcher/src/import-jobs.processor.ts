import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ImportJobsService } from '@app/employer-demand';
import { ImportJobMessage, QUEUES } from '@app/queue';

/**
 * Runs background workbook imports. The job carries the import_job id only; ImportJobsService does the work, keeps
 * the progress in the row and ignores a row that is already finished (a re-delivered job does nothing). An
 * unexpected error is retried (the retry resumes after the last committed chunk); the last attempt ends the import
 * as failed with the error recorded.
 */
@Processor(QUEUES.imports, { concurrency: 2 })
export class ImportJobsProcessor extends WorkerHost {
  constructor(private readonly imports: ImportJobsService) {
    super();
  }

  async process(job: Job<ImportJobMessage>): Promise<void> {
    try {
      await this.imports.run(job.data.importJobId);
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.imports.fail(job.data.importJobId, `导入失败（已重试 ${job.attemptsMade + 1} 次）：${(error as Error).message}`);
      }
      throw error;
    }
  }
}
