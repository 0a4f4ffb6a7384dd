import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Workbook } from 'exceljs';
import { Readable } from 'node:stream';
import { Principal } from '@app/auth';
import { In } from 'typeorm';
import { Clock, shanghaiDate } from '@app/clock';
import { OutboxService } from '@app/database';
import { EmployerDirectory, EmployerReads } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { isValidCreditCode } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { checkLayoff, LayoffCheck } from '../core/layoff';
import { DEFAULT_BOOK } from '../core/parameter-book';
import { LayoffGround, LayoffReport, ReductionType } from '../core/types';
import {
  FirmStatusKind, SignalFiler, WarningClaimsFigure, WarningFirmReport, WarningFirmStatus, WarningImport, WarningImportKind, WarningImportRowReport,
  WarningInsuranceFigure, WarningLayoffReport, WarningMarketFigure, WarningRateFigure,
} from './warning.entities';

export interface FirmReportInput {
  employerId: string;
  month: string;
  enrolmentHeadcount: number;
  previousHeadcount: number;
  headcount: number;
  additions: number;
  reductions: Partial<Record<ReductionType, number>>;
}

export interface LayoffReportInput {
  employerId: string;
  ground?: LayoffGround | 'other';
  count: number;
  staff?: number;
  occupations: string[];
  noticeDate?: string;
  effectiveDate: string;
  unionConsulted?: boolean;
  amends?: string;
  closure?: boolean;
}

/** The platform's market figures of a region for the month (see `WarningMarketFigure`). */
export interface MarketFigureInput {
  regionCode: string;
  vacancies: number;
  seekers: number;
  newRegistrations: number;
}

/** The columns of each import, in order (the header row names them). */
export const IMPORT_COLUMNS: Record<WarningImportKind, string[]> = {
  claims: ['region', 'industry', 'month', 'claims', 'weekly'],
  rates: ['region', 'month', 'registeredRate', 'surveyedRate', 'youthSurveyedRate'],
  firm_status: ['creditCode', 'status', 'month'],
  social_insurance: ['creditCode', 'region', 'industry', 'month', 'previousHeadcount', 'additions', 'reductions'],
};

/** Status words of a market-regulation file (经营异常名录, 注销, 移出). */
const FIRM_STATUS_WORDS: Record<string, FirmStatusKind> = {
  abnormal_list: 'abnormal_list', 经营异常: 'abnormal_list', 列入经营异常名录: 'abnormal_list', 列入: 'abnormal_list',
  deregistered: 'deregistered', 注销: 'deregistered', 吊销: 'deregistered',
  restored: 'restored', 移出: 'restored', 移出经营异常名录: 'restored',
};
const INDUSTRY = /^([A-T]|[A-T]?\d{2,4})$/;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION = /^46\d{4}$/;

const filedVia = (principal: Principal | null): SignalFiler => (principal?.role === 'employer' ? 'employer' : 'officer');

/**
 * The early warning's signals: monitored firms' monthly reports (失业动态监测) and §41 layoff reports, filed for an
 * enterprise in the caller's scope (an officer's paired enterprises, an employer's own, an administrator's region), and
 * imports of claims and unemployment rates with a report per row. Each write records an outbox row in the same
 * transaction so the region's alerts are evaluated after it commits (`warning.signals_changed`, and for a layoff report
 * `warning.layoff_reported`, which also starts the rapid response).
 */
@Injectable()
export class WarningSignalsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly employers: EmployerDirectory,
    private readonly employerReads: EmployerReads,
    private readonly clock: Clock,
    private readonly taxonomy: Taxonomy,
  ) {}

  async fileFirmReport(principal: Principal, input: FirmReportInput): Promise<WarningFirmReport> {
    const employer = await this.employers.getVisible(principal, input.employerId);
    if (input.month >= this.clock.today().slice(0, 7)) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'WARNING_MONTH_AHEAD', { month: input.month });
    const reductions = Object.values(input.reductions).reduce((sum: number, n) => sum + (n ?? 0), 0);
    const expected = input.previousHeadcount + input.additions - reductions;
    if (expected !== input.headcount) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'WARNING_HEADCOUNT_MISMATCH', { expected, headcount: input.headcount });
    }
    const repository = this.txHost.tx.getRepository(WarningFirmReport);
    await repository.upsert(
      {
        employerId: employer.id, regionCode: employer.regionCode, industryCode: employer.industryCode, month: input.month,
        enrolmentHeadcount: input.enrolmentHeadcount, previousHeadcount: input.previousHeadcount, headcount: input.headcount, additions: input.additions,
        reductions: input.reductions, filedVia: filedVia(principal), filedBy: principal.userId,
      },
      { conflictPaths: ['employerId', 'month'] },
    );
    await this.outbox.record('warning.signals_changed', employer.regionCode);
    return repository.findOneByOrFail({ employerId: employer.id, month: input.month });
  }

  /** The enterprise's monthly reports, newest first (scope as for filing). */
  async firmReports(principal: Principal, employerId: string): Promise<WarningFirmReport[]> {
    await this.employers.getVisible(principal, employerId);
    return this.txHost.tx.getRepository(WarningFirmReport).find({ where: { employerId }, order: { month: 'DESC' }, take: 36 });
  }

  async fileLayoffReport(principal: Principal, input: LayoffReportInput): Promise<{ report: WarningLayoffReport; check: LayoffCheck }> {
    const employer = await this.employers.getVisible(principal, input.employerId);
    if (input.noticeDate && input.noticeDate > input.effectiveDate) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'WARNING_EFFECTIVE_BEFORE_NOTICE');
    const repository = this.txHost.tx.getRepository(WarningLayoffReport);
    if (input.amends) {
      const amended = await repository.findOneBy({ id: input.amends });
      if (!amended) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'layoff_report' });
      if (amended.employerId !== employer.id) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'WARNING_AMENDS_OTHER_EMPLOYER');
    }
    const others = (await repository.findBy({ employerId: employer.id })).map(toCore);
    const id = (await this.txHost.tx.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
    const report: LayoffReport = {
      id, employerId: employer.id, region: employer.regionCode, industry: employer.industryCode, ground: input.ground, count: input.count, staff: input.staff,
      occupations: input.occupations, noticeDate: input.noticeDate, effectiveDate: input.effectiveDate, unionConsulted: input.unionConsulted,
      amends: input.amends, closure: input.closure,
    };
    const check = checkLayoff(report, others, DEFAULT_BOOK);
    await repository.insert({
      id, employerId: employer.id, regionCode: employer.regionCode, industryCode: employer.industryCode, ground: input.ground ?? null, count: input.count,
      staff: input.staff ?? null, occupations: [...new Set(input.occupations)], noticeDate: input.noticeDate ?? null, effectiveDate: input.effectiveDate,
      unionConsulted: input.unionConsulted ?? null, amends: input.amends ?? null, closure: input.closure ?? false, reportable: check.reportable, checkResult: check,
      filedVia: filedVia(principal), filedBy: principal.userId,
    });
    await this.outbox.record('warning.layoff_reported', id);
    await this.outbox.record('warning.signals_changed', employer.regionCode);
    return { report: await repository.findOneByOrFail({ id }), check };
  }

  /** A layoff report, if its enterprise is in the caller's scope. */
  async layoffReport(principal: Principal, id: string): Promise<WarningLayoffReport> {
    const report = await this.txHost.tx.getRepository(WarningLayoffReport).findOneBy({ id });
    if (!report) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'layoff_report' });
    await this.employers.getVisible(principal, report.employerId);
    return report;
  }

  /**
   * Imports claims, rates, firm status (market-regulation records: abnormal list, deregistration) or social-insurance
   * 增减员 from a .csv or .xlsx file: every row is checked and reported; good rows are written (a re-imported region,
   * or enterprise, and month replaces the figure), bad ones are listed with their problems. One outbox row per region
   * touched (for firm status, the region of an enterprise on the platform) evaluates its alerts after the import commits.
   */
  async importFigures(principal: Principal, kind: WarningImportKind, fileName: string, content: Buffer): Promise<WarningImport> {
    const rows = await readRows(fileName, content, IMPORT_COLUMNS[kind]);
    const reports: WarningImportRowReport[] = [];
    const regions = new Set<string>();
    const tx = this.txHost.tx;
    const [created] = await tx.query(
      `INSERT INTO warning_import (kind, file_name, row_count, accepted, created_by) VALUES ($1, $2, $3, 0, $4) RETURNING id`,
      [kind, fileName.slice(0, 200), rows.length, principal.userId],
    );
    const importId: string = created.id;
    const thisMonth = this.clock.today().slice(0, 7);
    for (const { row, cells } of rows) {
      const problems: string[] = [];
      const region = cells.region?.trim() ?? '';
      const month = cells.month?.trim() ?? '';
      if (kind !== 'firm_status' && (!REGION.test(region) || !this.taxonomy.region(region))) problems.push(`地区代码“${region}”不是海南的六位行政区划代码 (region must be a Hainan GB/T 2260 code)`);
      if (!MONTH.test(month)) problems.push(`月份“${month}”应为 YYYY-MM (month must be YYYY-MM)`);
      else if (month > thisMonth) problems.push(`月份 ${month} 尚未到来 (month ${month} is in the future)`);
      if (kind === 'claims') {
        const claims = wholeNumber(cells.claims);
        const weekly = (cells.weekly ?? '').split(/[;|、 ]+/).filter(Boolean).map(wholeNumber);
        if (claims === null) problems.push('领取失业保险金人数应为非负整数 (claims must be a whole number)');
        if (weekly.some((w) => w === null)) problems.push('周数据应为以分号分隔的非负整数 (weekly must be whole numbers separated by ;)');
        const industry = cells.industry?.trim() || '*';
        if (industry !== '*' && !/^[A-T](\d{2,4})?$/.test(industry)) problems.push(`行业代码“${industry}”不是 GB/T 4754 门类或大类 (industry must be a GB/T 4754 code)`);
        if (problems.length === 0) {
          await tx.getRepository(WarningClaimsFigure).upsert(
            { regionCode: region, industryCode: industry, month, claims: claims!, weekly: weekly as number[], importId },
            { conflictPaths: ['regionCode', 'industryCode', 'month'] },
          );
        }
      } else if (kind === 'firm_status') {
        const creditCode = (cells.creditCode ?? '').trim().toUpperCase();
        const status = FIRM_STATUS_WORDS[(cells.status ?? '').trim()];
        if (!isValidCreditCode(creditCode)) problems.push(`统一社会信用代码“${creditCode}”无效 (creditCode is not a valid unified social credit code)`);
        if (!status) problems.push(`状态“${cells.status ?? ''}”应为 经营异常、注销 或 移出 (status must be abnormal_list, deregistered or restored)`);
        if (problems.length === 0) {
          await tx.createQueryBuilder().insert().into(WarningFirmStatus).values({ creditCode, status, month, source: 'import', importId }).orIgnore().execute();
          const [employer] = await tx.query(`SELECT region_code AS "regionCode" FROM employer WHERE credit_code = $1`, [creditCode]);
          if (employer) regions.add(employer.regionCode);
        }
      } else if (kind === 'social_insurance') {
        const creditCode = (cells.creditCode ?? '').trim().toUpperCase();
        const industry = (cells.industry ?? '').trim();
        const [previous, additions, reductions] = [cells.previousHeadcount, cells.additions, cells.reductions].map(wholeNumber);
        if (!isValidCreditCode(creditCode)) problems.push(`统一社会信用代码“${creditCode}”无效 (creditCode is not a valid unified social credit code)`);
        if (!INDUSTRY.test(industry)) problems.push(`行业代码“${industry}”不是 GB/T 4754 门类或大类 (industry must be a GB/T 4754 code)`);
        if (previous === null || additions === null || reductions === null) problems.push('上月参保人数、增员、减员应为非负整数 (previousHeadcount, additions and reductions must be whole numbers)');
        else if (reductions > previous + additions) problems.push(`减员 ${reductions} 多于上月参保人数与增员之和 (reductions exceed previousHeadcount plus additions)`);
        if (problems.length === 0) {
          await tx.getRepository(WarningInsuranceFigure).upsert(
            { creditCode, regionCode: region, industryCode: industry, month, previousHeadcount: previous!, additions: additions!, reductions: reductions!, importId },
            { conflictPaths: ['creditCode', 'month'] },
          );
        }
      } else {
        const rates = (['registeredRate', 'surveyedRate', 'youthSurveyedRate'] as const).map((c) => [c, percent(cells[c])] as const);
        for (const [c, v] of rates) if (v === undefined) problems.push(`${c} 应为 0–100 的百分数 (${c} must be a percentage 0–100)`);
        if (rates.every(([, v]) => v === null)) problems.push('至少填写一项失业率 (give at least one rate)');
        if (problems.length === 0) {
          const value = Object.fromEntries(rates) as Record<string, number | null>;
          await tx.getRepository(WarningRateFigure).upsert(
            { regionCode: region, month, registeredRate: value.registeredRate, surveyedRate: value.surveyedRate, youthSurveyedRate: value.youthSurveyedRate, importId },
            { conflictPaths: ['regionCode', 'month'] },
          );
        }
      }
      if (problems.length === 0 && kind !== 'firm_status') regions.add(region);
      reports.push({ row, ok: problems.length === 0, problems });
    }
    await tx.query(`UPDATE warning_import SET accepted = $2, row_reports = $3 WHERE id = $1`, [importId, reports.filter((r) => r.ok).length, JSON.stringify(reports)]);
    await this.outbox.recordMany('warning.signals_changed', [...regions].sort());
    return tx.getRepository(WarningImport).findOneByOrFail({ id: importId });
  }

  /** The platform's market figures of the month for each region given (a later snapshot of the month replaces an earlier one). */
  async recordMarketFigures(month: string, figures: MarketFigureInput[]): Promise<void> {
    if (figures.length === 0) return;
    await this.txHost.tx.getRepository(WarningMarketFigure).upsert(figures.map((f) => ({ ...f, month, recordedAt: this.clock.now() })), { conflictPaths: ['regionCode', 'month'] });
    await this.outbox.recordMany('warning.signals_changed', [...new Set(figures.map((f) => f.regionCode))].sort());
  }

  /**
   * Follows the platform's own abnormal list: an enterprise put on it, or taken off it again, is recorded once, in the
   * month it happened (idempotent: run it on every change of the enterprise). Returns what was recorded.
   */
  async followEmployerStatus(employerId: string, now: Date = this.clock.now()): Promise<FirmStatusKind | null> {
    return this.txHost.withTransaction(async () => {
      const employer = await this.employerReads.claimFacts(employerId);
      if (!employer) return null;
      const repository = this.txHost.tx.getRepository(WarningFirmStatus);
      const [last] = await repository.find({ where: { creditCode: employer.creditCode, status: In(['abnormal_list', 'restored']) }, order: { month: 'DESC', createdAt: 'DESC' }, take: 1 });
      if (employer.abnormal === (last?.status === 'abnormal_list')) return null;
      const status: FirmStatusKind = employer.abnormal ? 'abnormal_list' : 'restored';
      const inserted = await this.txHost.tx.createQueryBuilder().insert().into(WarningFirmStatus)
        .values({ creditCode: employer.creditCode, status, month: shanghaiDate(now).slice(0, 7), source: 'platform' }).orIgnore().returning('id').execute();
      if (!inserted.identifiers[0]) return null;
      await this.outbox.record('warning.signals_changed', employer.regionCode);
      return status;
    });
  }

  async importOf(id: string): Promise<WarningImport> {
    const found = await this.txHost.tx.getRepository(WarningImport).findOneBy({ id });
    if (!found) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'warning_import' });
    return found;
  }
}

export function toCore(r: WarningLayoffReport): LayoffReport {
  return {
    id: r.id, employerId: r.employerId, region: r.regionCode, industry: r.industryCode, ground: (r.ground ?? undefined) as LayoffReport['ground'], count: r.count,
    staff: r.staff ?? undefined, occupations: r.occupations, noticeDate: r.noticeDate ?? undefined, effectiveDate: r.effectiveDate,
    unionConsulted: r.unionConsulted ?? undefined, amends: r.amends ?? undefined, closure: r.closure,
  };
}

function wholeNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** A percentage: null when empty, undefined when not a number in 0–100. */
function percent(text: string | undefined): number | null | undefined {
  const t = (text ?? '').trim().replace(/%$/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

const MAX_ROWS = 50_000;

/** Rows of a .csv or .xlsx file keyed by the header row's names (which must hold every column). */
async function readRows(fileName: string, content: Buffer, columns: string[]): Promise<{ row: number; cells: Record<string, string> }[]> {
  const lower = fileName.toLowerCase();
  const workbook = new Workbook();
  try {
    if (lower.endsWith('.csv')) await workbook.csv.read(Readable.from(content.toString('utf8').replace(/^\uFEFF/, '')), { map: (value: unknown) => value });
    else if (lower.endsWith('.xlsx')) await workbook.xlsx.load(content as unknown as ArrayBuffer);
    else throw new Error('format');
  } catch {
    throw new AppError(HttpStatus.BAD_REQUEST, 'WARNING_IMPORT_FORMAT', { columns: columns.join(', ') });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_EMPTY');
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const missing = columns.filter((c) => !header.includes(c) && !(c === 'industry' || c === 'weekly' || c.endsWith('Rate')));
  if (missing.length) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_COLUMNS_MISSING', { columns: missing.join(', ') });
  const out: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1 || out.length >= MAX_ROWS) return;
    const cells: Record<string, string> = {};
    header.forEach((name, index) => {
      if (!name) return;
      const value = row.getCell(index).value;
      cells[name] = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 7) : String(typeof value === 'object' && 'result' in value ? value.result : value);
    });
    if (Object.values(cells).some((v) => v.trim() !== '')) out.push({ row: number, cells });
  });
  if (out.length === 0) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_EMPTY');
  return out;
}
