import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { employerScope, employerScopeCondition, Principal } from '@app/auth';
import { shanghaiDate } from '@app/clock';
import { AppError, renderMessage } from '@app/errors';
import { describeLocation, describeLocationEn, LocationResolver } from '@app/geocoding';
import { Employer } from '../employer.entity';
import { isEditable, isLive } from '../shortage-lifecycle';
import { Shortage } from '../shortage.entity';
import { ShortagesService } from '../shortages.service';
import { ImportLocation, ImportMode, ImportProblem } from './import-job.entity';
import { ShortageBulkWriter } from './shortage-bulk-writer';
import { CheckedShortageRow, ShortageRowInput, validateShortageRow } from './shortage-row.validator';
import { parseShortageRows, RawRow, SHORTAGE_COLUMNS, STATUS_LABELS } from './shortage-workbook';

/** Rows planned and written together: one lookup of employers, one of existing shortages, a few bulk statements. */
export const IMPORT_CHUNK_ROWS = 500;
/** A report lists at most this many problems (the failed count is always complete). */
export const MAX_REPORTED_PROBLEMS = 5000;

export interface ImportReport {
  mode: ImportMode;
  /** Data rows in the workbook. */
  total: number;
  created: number;
  updated: number;
  /** Rows with at least one problem (nothing of them was written). */
  failed: number;
  /** Every problem, by row: the spreadsheet row number, the Chinese column header and a plain message (Chinese and English). */
  errors: ImportProblem[];
  /** How each written row was located: rows without coordinates are geocoded from their address (or region). */
  locations: ImportLocation[];
}

/** What one chunk did; `from`–`processed` are the data rows it covered (0-based, end exclusive). */
export interface ChunkOutcome {
  from: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  problems: ImportProblem[];
  locations: ImportLocation[];
}

export interface ImportOptions {
  mode: ImportMode;
  /** Data rows an interrupted earlier run already handled (partial mode): they are not imported again. */
  skip?: number;
  /** After each chunk; in partial mode inside that chunk's transaction, so progress commits with the rows. */
  afterChunk?: (outcome: ChunkOutcome) => Promise<void>;
  /** YYYY-MM-DD, Asia/Shanghai; deadlines may not be earlier. */
  today?: string;
}

interface PlannedRow {
  row: CheckedShortageRow;
  input: ShortageRowInput;
  employerId: string;
}

interface ChunkPlan {
  creates: PlannedRow[];
  /** Existing drafts and shortages awaiting review: edited in bulk. */
  edits: (PlannedRow & { id: string })[];
  /** Published shortages: edited through ShortagesService, which screens them again. */
  liveEdits: (PlannedRow & { id: string })[];
  problems: ImportProblem[];
  failedRows: Set<number>;
  locations: ImportLocation[];
}

type ExistingShortage = Pick<Shortage, 'id' | 'employerId' | 'externalRef' | 'status' | 'filledHeadcount'>;

class AllOrNothingRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('the workbook has bad rows; nothing was written');
  }
}

const CREDIT_CODE = SHORTAGE_COLUMNS.creditCode.header;
const EXTERNAL_REF = SHORTAGE_COLUMNS.externalRef.header;
const HEADCOUNT = SHORTAGE_COLUMNS.headcount.header;

/**
 * Imports shortages from workbook rows for the calling principal. Each row names its employer by credit code,
 * which must be within the caller's scope (an officer: the enterprises paired with them); a row whose (employer,
 * 需求编号) exists updates that shortage, so importing the same file twice creates nothing new. In partial mode the
 * good rows are written and the bad ones reported; in all-or-nothing mode one bad row means nothing is written.
 * Rows are planned and written in chunks; runs inside the caller's transaction when there is one.
 */
@Injectable()
export class ShortageImportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly shortages: ShortagesService,
    private readonly writer: ShortageBulkWriter,
    private readonly locator: LocationResolver,
  ) {}

  async importWorkbook(principal: Principal, file: Buffer, mode: ImportMode): Promise<ImportReport> {
    return this.importRows(principal, await parseShortageRows(file), { mode });
  }

  async importRows(principal: Principal, rows: RawRow[], options: ImportOptions): Promise<ImportReport> {
    if (options.mode === 'partial') return this.run(principal, rows, options);
    try {
      return await this.txHost.withTransaction(Propagation.Nested, async () => {
        const report = await this.run(principal, rows, { ...options, skip: 0 });
        if (report.failed > 0) throw new AllOrNothingRollback(report);
        return report;
      });
    } catch (error) {
      if (error instanceof AllOrNothingRollback) return { ...error.report, created: 0, updated: 0, locations: [] };
      throw error;
    }
  }

  private async run(principal: Principal, rows: RawRow[], options: ImportOptions): Promise<ImportReport> {
    const today = options.today ?? shanghaiDate();
    const checked = markDuplicateRefs(rows.map((row) => validateShortageRow(row, today)));
    const report: ImportReport = { mode: options.mode, total: rows.length, created: 0, updated: 0, failed: 0, errors: [], locations: [] };
    const employers = new Map<string, Employer | null>();

    for (let from = options.skip ?? 0; from < checked.length; from += IMPORT_CHUNK_ROWS) {
      const chunk = checked.slice(from, from + IMPORT_CHUNK_ROWS);
      const step = async () => {
        const plan = await this.plan(principal, chunk, employers);
        const write = options.mode === 'partial' || report.failed + plan.failedRows.size === 0;
        const written = write ? await this.write(principal, plan) : { created: 0, updated: 0 };
        const problems = [...plan.problems].sort((a, b) => a.row - b.row);
        const located = write ? plan.locations.filter((l) => !plan.failedRows.has(l.row)) : [];
        const outcome: ChunkOutcome = {
          from,
          processed: from + chunk.length,
          created: written.created,
          updated: written.updated,
          failed: plan.failedRows.size,
          problems: problems.slice(0, Math.max(0, MAX_REPORTED_PROBLEMS - report.errors.length)),
          locations: located.slice(0, Math.max(0, MAX_REPORTED_PROBLEMS - report.locations.length)),
        };
        report.created += outcome.created;
        report.updated += outcome.updated;
        report.failed += outcome.failed;
        report.errors.push(...outcome.problems);
        report.locations.push(...outcome.locations);
        await options.afterChunk?.(outcome);
      };
      // Partial mode: each chunk commits on its own (or joins the request's transaction, for a small file).
      await (options.mode === 'partial' ? this.txHost.withTransaction(step) : step());
    }
    return report;
  }

  /** Decides, without writing, what each row of the chunk becomes: a new shortage, an edit, or problems. */
  private async plan(principal: Principal, rows: CheckedShortageRow[], employers: Map<string, Employer | null>): Promise<ChunkPlan> {
    await this.resolveEmployers(principal, rows, employers);
    const plan: ChunkPlan = { creates: [], edits: [], liveEdits: [], problems: [], failedRows: new Set(), locations: [] };
    const fail = (row: number, problems: ImportProblem[]) => {
      plan.problems.push(...problems);
      plan.failedRows.add(row);
    };

    const ready: PlannedRow[] = [];
    for (const row of rows) {
      const problems = [...row.problems];
      const employer = row.creditCode ? employers.get(row.creditCode) : undefined;
      if (row.creditCode && !employer) {
        const officer = principal.role === 'officer';
        problems.push({
          row: row.row, column: CREDIT_CODE,
          message: `未找到统一社会信用代码为“${row.creditCode}”的单位，或该单位${officer ? '不是与您结对的企业' : '不在您的服务范围内'}`,
          messageEn: `No employer with the unified social credit code "${row.creditCode}" was found, or it is ${officer ? 'not paired with you' : 'outside your scope'}`,
        });
      } else if (employer?.abnormal) {
        problems.push({ row: row.row, column: CREDIT_CODE, message: `“${employer.name}”已列入异常名录，不能发布招聘信息`, messageEn: `"${employer.name}" is on the list of abnormal operations and cannot post jobs` });
      }
      if (problems.length || !row.input || !employer) fail(row.row, problems);
      else ready.push({ row, input: await this.locate(row.row, row.input, plan), employerId: employer.id });
    }

    const existing = await this.findExisting(ready);
    for (const planned of ready) {
      const found = existing.get(refKey(planned.employerId, planned.input.externalRef!));
      const { row, input } = planned;
      if (!found) plan.creates.push(planned);
      else if (!isEditable(found.status)) {
        fail(row.row, [{ row: row.row, column: EXTERNAL_REF, message: `需求编号“${input.externalRef}”的缺工需求${STATUS_LABELS[found.status]}，不能再修改`, messageEn: `The shortage numbered "${input.externalRef}" is ${found.status.replace('_', ' ')} and can no longer be changed` }]);
      } else if (input.headcount < found.filledHeadcount) {
        fail(row.row, [{ row: row.row, column: HEADCOUNT, message: `招聘人数不能少于已录用的 ${found.filledHeadcount} 人`, messageEn: `The headcount cannot be below the ${found.filledHeadcount} already hired` }]);
      } else (isLive(found.status) ? plan.liveEdits : plan.edits).push({ ...planned, id: found.id });
    }
    return plan;
  }

  /** Coordinates in the row are a point; otherwise the address (within the row's region) or the region's point. */
  private async locate(row: number, input: ShortageRowInput, plan: ChunkPlan): Promise<ShortageRowInput> {
    const found = await this.locator.resolve(input);
    plan.locations.push({ row, precision: found.locationPrecision, basis: found.basis, message: describeLocation(found), messageEn: describeLocationEn(found) });
    return { ...input, lat: found.lat, lng: found.lng, locationPrecision: found.locationPrecision };
  }

  private async write(principal: Principal, plan: ChunkPlan): Promise<{ created: number; updated: number }> {
    await this.writer.create(plan.creates.map(({ input, employerId }) => ({ ...input, employerId })), principal.userId);
    await this.writer.update(plan.edits.map(({ id, input }) => ({ id, input })));
    let liveUpdated = 0;
    for (const edit of plan.liveEdits) {
      try {
        // A savepoint: a refused edit (e.g. the new text needs a justification) leaves nothing behind.
        await this.txHost.withTransaction(Propagation.Nested, () => this.shortages.update(principal, edit.id, edit.input));
        liveUpdated += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        plan.problems.push({ row: edit.row.row, column: EXTERNAL_REF, message: renderMessage(error.code, 'zh-CN', error.params), messageEn: renderMessage(error.code, 'en', error.params) });
        plan.failedRows.add(edit.row.row);
      }
    }
    return { created: plan.creates.length, updated: plan.edits.length + liveUpdated };
  }

  /** Looks up the credit codes not seen yet, within the caller's scope; codes outside it resolve to null. */
  private async resolveEmployers(principal: Principal, rows: CheckedShortageRow[], employers: Map<string, Employer | null>): Promise<void> {
    const codes = [...new Set(rows.map((row) => row.creditCode).filter((code): code is string => !!code && !employers.has(code)))];
    if (codes.length === 0) return;
    const scope = employerScopeCondition(employerScope(principal), 'e.id', 'e.region_code');
    const found = await this.txHost.tx
      .getRepository(Employer)
      .createQueryBuilder('e')
      .where(scope.sql, scope.params)
      .andWhere('e.credit_code IN (:...codes)', { codes })
      .getMany();
    for (const code of codes) employers.set(code, null);
    for (const employer of found) employers.set(employer.creditCode, employer);
  }

  private async findExisting(rows: PlannedRow[]): Promise<Map<string, ExistingShortage>> {
    if (rows.length === 0) return new Map();
    const found: ExistingShortage[] = await this.txHost.tx
      .getRepository(Shortage)
      .createQueryBuilder('s')
      .select(['s.id', 's.employerId', 's.externalRef', 's.status', 's.filledHeadcount'])
      .where('s.employer_id IN (:...employerIds)', { employerIds: [...new Set(rows.map((r) => r.employerId))] })
      .andWhere('s.external_ref IN (:...refs)', { refs: [...new Set(rows.map((r) => r.input.externalRef!))] })
      .getMany();
    return new Map(found.map((s) => [refKey(s.employerId, s.externalRef!), s]));
  }
}

const refKey = (employerId: string, externalRef: string) => `${employerId}\u0000${externalRef}`;

/** A later row with the same (credit code, 需求编号) as an earlier one is a problem: the file would overwrite itself. */
export function markDuplicateRefs(rows: CheckedShortageRow[]): CheckedShortageRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((row) => {
    if (!row.creditCode || !row.externalRef) return row;
    const key = `${row.creditCode}\u0000${row.externalRef}`;
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, row.row);
      return row;
    }
    const problem = {
      row: row.row, column: EXTERNAL_REF,
      message: `需求编号“${row.externalRef}”与第 ${first} 行重复（同一单位的需求编号不能重复）`,
      messageEn: `The number "${row.externalRef}" repeats row ${first} (an employer's numbers must differ)`,
    };
    return { ...row, input: null, problems: [...row.problems, problem] };
  });
}
