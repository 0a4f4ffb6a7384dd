import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { isProvinceAdmin, Principal, principalOf, Role, User, userScope, userScopeCondition } from '@app/auth';
import { OutboxService } from '@app/database';
import { AppError, OutOfScopeError, renderMessage } from '@app/errors';
import { ImportJob, ImportMode } from './import-job.entity';
import { ChunkOutcome, MAX_REPORTED_PROBLEMS, ShortageImportService } from './shortage-import.service';
import { parseShortageRows } from './shortage-workbook';

/** Who may import. */
export const IMPORT_ROLES: readonly Role[] = ['admin', 'officer'];
/** Workbooks up to this many data rows are imported inside the request; larger ones become an import job. */
export const INLINE_IMPORT_MAX_ROWS = 500;

export interface ImportUpload {
  file: Buffer;
  fileName: string;
}

/**
 * Background imports. `submit` writes the job row and its `import.requested` outbox row in the caller's transaction;
 * the matcher's domain-events processor calls `run` (a worker that dies mid-import leaves the outbox row unprocessed,
 * so the import is handed out again), which imports the rows chunk by chunk, committing each chunk's
 * shortages together with the job's counters: progress is visible while it runs, and a run that dies resumes after
 * the last committed chunk. Finished jobs are left alone, so a re-delivered message does nothing.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly imports: ShortageImportService,
    private readonly outbox: OutboxService,
  ) {}

  async submit(principal: Principal, upload: ImportUpload, mode: ImportMode, total: number): Promise<ImportJob> {
    const repository = this.txHost.tx.getRepository(ImportJob);
    const job = repository.create({
      kind: 'shortages', status: 'queued', mode, file: upload.file, fileName: upload.fileName, total,
      requestedBy: principal.userId, requestedRole: principal.role,
    });
    await repository.insert(job);
    await this.outbox.record('import.requested', job.id);
    return this.get(principal, job.id);
  }

  /** The job, for the user who submitted it or an admin; anyone else gets 404. */
  async get(principal: Principal, id: string): Promise<ImportJob> {
    const job = await this.txHost.tx.getRepository(ImportJob).findOneBy({ id });
    if (!job) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (job.requestedBy === principal.userId || isProvinceAdmin(principal)) return job;
    // A regional administrator reads the jobs of accounts in their region.
    const users = userScopeCondition(userScope(principal), 'u');
    const requester = await this.txHost.tx.getRepository(User).createQueryBuilder('u').where(users.sql, users.params).andWhere('u.id = :id', { id: job.requestedBy }).getExists();
    if (!requester) throw new OutOfScopeError('import_job');
    return job;
  }

  /** Runs a job to its end. Permanent problems (an unreadable file, a requester who lost access) fail the job here. */
  async run(id: string): Promise<void> {
    const job = await this.claim(id);
    if (!job) return;
    const principal = await this.requester(job);
    if (!principal) return this.fail(id, '提交导入的账号已停用或已无导入权限');

    let rows;
    try {
      rows = await parseShortageRows(await this.fileOf(id), { waitForSlot: true });
    } catch (error) {
      if (error instanceof AppError) return this.fail(id, renderMessage(error.code, 'zh-CN', error.params));
      throw error;
    }

    if (job.mode === 'partial') {
      await this.imports.importRows(principal, rows, { mode: 'partial', skip: job.processed, afterChunk: (o) => this.recordChunk(id, o) });
      await this.jobs.update({ id }, { status: 'done', total: rows.length, finishedAt: new Date() });
      return;
    }
    // All or nothing: one transaction; progress is written beside it so it can be watched.
    await this.jobs.update({ id }, { processed: 0 });
    const report = await this.imports.importRows(principal, rows, {
      mode: 'all_or_nothing',
      afterChunk: async (o) => void (await this.jobs.update({ id }, { processed: o.processed })),
    });
    const { created, updated, failed, errors, locations } = report;
    await this.jobs.update({ id }, { status: 'done', total: rows.length, processed: rows.length, created, updated, failed, errors, locations, finishedAt: new Date() });
  }

  /** Ends a job as failed, with the reason the user will read. */
  async fail(id: string, reason: string): Promise<void> {
    this.logger.warn(`import ${id} failed: ${reason}`);
    await this.dataSource
      .createQueryBuilder()
      .update(ImportJob)
      .set({ status: 'failed', failureReason: reason.slice(0, 1000), finishedAt: new Date() })
      .where(`id = :id AND status IN ('queued', 'running')`, { id })
      .execute();
  }

  /** Marks the job running; null when it is finished or gone. */
  private async claim(id: string): Promise<ImportJob | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ImportJob)
      .set({ status: 'running' })
      .where(`id = :id AND status IN ('queued', 'running')`, { id })
      .execute();
    return result.affected ? this.jobs.findOneBy({ id }) : null;
  }

  /** The requester with their current access; null when they may no longer import. */
  private async requester(job: ImportJob): Promise<Principal | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: job.requestedBy });
    return user && !user.disabled && IMPORT_ROLES.includes(user.role) ? principalOf(user) : null;
  }

  private async fileOf(id: string): Promise<Buffer> {
    const job = await this.jobs.createQueryBuilder('j').addSelect('j.file').where('j.id = :id', { id }).getOneOrFail();
    return job.file;
  }

  /**
   * Adds a chunk's counts inside the chunk's transaction. The job must still be where this run left it: if another
   * run moved it on, this chunk rolls back instead of counting twice.
   */
  private async recordChunk(id: string, outcome: ChunkOutcome): Promise<void> {
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(ImportJob)
      .set({
        processed: outcome.processed,
        created: () => `created + ${outcome.created}`,
        updated: () => `updated + ${outcome.updated}`,
        failed: () => `failed + ${outcome.failed}`,
        errors: () => `CASE WHEN jsonb_array_length(errors) < ${MAX_REPORTED_PROBLEMS} THEN errors || :problems::jsonb ELSE errors END`,
        locations: () =>
          `CASE WHEN jsonb_array_length(locations) < ${MAX_REPORTED_PROBLEMS} THEN locations || :locations::jsonb ELSE locations END`,
      })
      .where('id = :id AND processed = :from', { id, from: outcome.from })
      .setParameter('problems', JSON.stringify(outcome.problems))
      .setParameter('locations', JSON.stringify(outcome.locations))
      .execute();
    if (!result.affected) throw new Error(`import ${id}: progress moved on under this run (another worker?)`);
  }

  private get jobs() {
    return this.dataSource.getRepository(ImportJob);
  }
}
