import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Workbook } from 'exceljs';
import { Principal, regionPrefix } from '@app/auth';
import { addMonthsToMonth, Clock, shanghaiDisplay } from '@app/clock';
import { Taxonomy } from '@app/taxonomy';
import { ALL_INDUSTRIES, computeIndicators } from '../core/indicators';
import { regionLevelOn } from '../core/levels';
import { DEFAULT_BOOK, IndicatorCode } from '../core/parameter-book';
import { LEVEL_COLOUR, levelOf } from '../core/types';
import { RapidResponseService } from './rapid-response.service';
import { scopeRegion, WarningAlertsService } from './warning-alerts.service';
import { WarningResponseCase } from './warning.entities';

export type WorkbookLanguage = 'zh' | 'en';

const INDICATOR_ORDER: IndicatorCode[] = [
  'jobLossRate', 'headcountDecline', 'claimsYoy', 'jobsPerSeeker', 'registeredRate', 'registeredRateYoy', 'surveyedRate', 'largestLayoff', 'totalLayoffs',
  'pairedFirmsLost', 'largeFirmLayoff',
];

/** Sheet names and column headers, zh-CN (the default) and English. */
const TEXT = {
  zh: {
    title: (month: string) => `失业预警月报（${month}）`, made: '制表时间',
    alerts: '预警', indicators: '监测指标', layoffs: '裁员报告', cases: '应急处置',
    alertColumns: ['地区代码', '地区', '类型', '等级', '颜色', '状态', '当前层级', '发出时间', '确认时间', '决定等级的指标', '月份'],
    indicatorColumns: ['地区代码', '地区', '等级', '仅单一信号（降级）'],
    layoffColumns: ['地区代码', '企业', '拟裁减人数', '职工总数', '生效日期', '达到报告标准', '90天合计', '提前通知天数', '工会意见'],
    caseColumns: ['地区代码', '预警等级', '附近对口岗位', '提议的招聘会', '任务完成/总数', '已登记人员', '已再就业', '开案时间'],
    kinds: { monthly: '月度指标', layoff: '企业裁员' } as Record<string, string>,
    statuses: { open: '待确认', acknowledged: '已确认', closed: '已解除' } as Record<string, string>,
    tiers: { county: '县（区）', city: '市', province: '省' } as Record<string, string>,
    yes: '是', no: '否', unknown: '未知',
    indicatorNames: {
      jobLossRate: '岗位流失率（较上年同月，%）', headcountDecline: '岗位数较建档下降（%）', claimsYoy: '失业保险金申领同比（%）', jobsPerSeeker: '求人倍率',
      registeredRate: '登记失业率（%）', registeredRateYoy: '登记失业率同比（百分点）', surveyedRate: '调查失业率（%）', largestLayoff: '单一企业裁员人数',
      totalLayoffs: '裁员总人数', pairedFirmsLost: '结对企业异常或注销', largeFirmLayoff: '大型企业裁员人数',
    } as Record<IndicatorCode, string>,
    colour: (level: keyof typeof LEVEL_COLOUR) => LEVEL_COLOUR[level].zh,
  },
  en: {
    title: (month: string) => `Unemployment early warning, ${month}`, made: 'Made at',
    alerts: 'Alerts', indicators: 'Indicators', layoffs: 'Layoff reports', cases: 'Response cases',
    alertColumns: ['Region code', 'Region', 'Kind', 'Level', 'Colour', 'Status', 'Tier now', 'Raised at', 'Acknowledged at', 'Indicators setting the level', 'Month'],
    indicatorColumns: ['Region code', 'Region', 'Level', 'Held by the two-signal rule'],
    layoffColumns: ['Region code', 'Employer', 'People', 'Staff', 'Effective', 'Reportable', '90-day total', 'Notice days', 'Union consulted'],
    caseColumns: ['Region code', 'Alert level', 'Matched open jobs', 'Proposed event', 'Tasks done/all', 'People registered', 'Re-employed', 'Opened at'],
    kinds: { monthly: 'Monthly indicators', layoff: 'Layoff' } as Record<string, string>,
    statuses: { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' } as Record<string, string>,
    tiers: { county: 'County', city: 'City', province: 'Province' } as Record<string, string>,
    yes: 'yes', no: 'no', unknown: 'unknown',
    indicatorNames: {
      jobLossRate: 'Job-loss rate vs. a year before (%)', headcountDecline: 'Headcount decline since enrolment (%)', claimsYoy: 'Benefit claims vs. a year before (%)',
      jobsPerSeeker: 'Jobs per seeker', registeredRate: 'Registered unemployment rate (%)', registeredRateYoy: 'Registered rate vs. a year before (points)',
      surveyedRate: 'Surveyed unemployment rate (%)', largestLayoff: 'Largest single layoff', totalLayoffs: 'People laid off in total',
      pairedFirmsLost: 'Paired firms listed abnormal or deregistered', largeFirmLayoff: 'Layoff at a large firm',
    } as Record<IndicatorCode, string>,
    colour: (level: keyof typeof LEVEL_COLOUR) => LEVEL_COLOUR[level].en,
  },
};

/**
 * The monthly workbook of the early warning (issue 21, 3): the month's alerts in the caller's region with their
 * drivers and acknowledgement, every region's indicators and level for the month (the region as a whole), the §41
 * layoff reports taking effect in the month with their checks, and the response cases opened in it. Headers in
 * zh-CN, or English on request.
 */
@Injectable()
export class WarningWorkbookService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly alerts: WarningAlertsService,
    private readonly rapidResponse: RapidResponseService,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  async workbook(principal: Principal, month: string, language: WorkbookLanguage = 'zh'): Promise<{ content: Buffer; fileName: string }> {
    const text = TEXT[language];
    const tx = this.txHost.tx;
    const scope = scopeRegion(principal);
    const like = scope ? `${regionPrefix(scope)}%` : '%';
    const name = (code: string) => this.taxonomy.region(code)?.name ?? code;
    const book = new Workbook();
    book.creator = 'Hainan public employment service platform';
    const sheet = (title: string, columns: string[]) => {
      const s = book.addWorksheet(title);
      s.addRow([text.title(month), '', `${text.made}: ${shanghaiDisplay(this.clock.now())}`]).font = { bold: true };
      s.addRow(columns).font = { bold: true };
      s.views = [{ state: 'frozen', ySplit: 2 }];
      s.columns.forEach((c) => (c.width = 16));
      return s;
    };

    const alertRows: { regionCode: string; kind: string; level: 'IV' | 'III' | 'II' | 'I'; status: string; tier: string; raisedAt: Date; acknowledgedAt: Date | null; drivers: string[]; month: string }[] =
      await tx.query(
        `SELECT region_code AS "regionCode", kind, level, status, tier, raised_at AS "raisedAt", acknowledged_at AS "acknowledgedAt", drivers, month
           FROM warning_alert WHERE region_code LIKE $1 AND (month = $2 OR (status <> 'closed' AND month < $2)) ORDER BY region_code, raised_at`,
        [like, month],
      );
    const alerts = sheet(text.alerts, text.alertColumns);
    for (const a of alertRows) {
      alerts.addRow([
        a.regionCode, name(a.regionCode), text.kinds[a.kind] ?? a.kind, a.level, text.colour(a.level), text.statuses[a.status] ?? a.status, text.tiers[a.tier] ?? a.tier,
        shanghaiDisplay(a.raisedAt), a.acknowledgedAt ? shanghaiDisplay(a.acknowledgedAt) : '', a.drivers.map((d) => text.indicatorNames[d as IndicatorCode] ?? d).join('、'), a.month,
      ]);
    }

    const indicators = sheet(text.indicators, [...text.indicatorColumns, ...INDICATOR_ORDER.map((c) => text.indicatorNames[c])]);
    const regions: { regionCode: string }[] = await tx.query(
      `SELECT DISTINCT region_code AS "regionCode" FROM (
         SELECT region_code FROM warning_firm_report WHERE month = $2 UNION SELECT region_code FROM warning_claims_figure WHERE month = $2
         UNION SELECT region_code FROM warning_rate_figure WHERE month = $2 UNION SELECT region_code FROM warning_market_figure WHERE month = $2
         UNION SELECT region_code FROM warning_insurance_figure WHERE month = $2 UNION SELECT region_code FROM warning_layoff_report WHERE to_char(effective_date, 'YYYY-MM') = $2
       ) r WHERE region_code LIKE $1 ORDER BY 1`,
      [like, month],
    );
    // The signals up to the end of the month asked for (the history the year-on-year comparison needs included).
    const asOf = new Date(`${addMonthsToMonth(month, 1)}-01T00:00:00+08:00`);
    for (const { regionCode } of regions) {
      const row = computeIndicators(await this.alerts.signalsOf(regionCode, asOf), DEFAULT_BOOK).find((r) => r.industry === ALL_INDUSTRIES && r.month === month);
      if (!row) continue;
      const level = regionLevelOn(regionCode, month, row.values, DEFAULT_BOOK);
      indicators.addRow([
        regionCode, name(regionCode), levelOf(level.severity) ?? '', level.heldBySingleSignal ? text.yes : text.no, ...INDICATOR_ORDER.map((c) => row.values[c] ?? ''),
      ]);
    }

    const layoffs = sheet(text.layoffs, text.layoffColumns);
    const reports: { regionCode: string; employer: string; count: number; staff: number | null; effectiveDate: string; reportable: boolean; check: { windowTotal: number; noticeDays: number | null }; unionConsulted: boolean | null }[] =
      await tx.query(
        `SELECT l.region_code AS "regionCode", e.name AS employer, l.count, l.staff, l.effective_date::text AS "effectiveDate", l.reportable, l.check_result AS check,
                l.union_consulted AS "unionConsulted"
           FROM warning_layoff_report l JOIN employer e ON e.id = l.employer_id
          WHERE l.region_code LIKE $1 AND to_char(l.effective_date, 'YYYY-MM') = $2 ORDER BY l.effective_date, l.created_at`,
        [like, month],
      );
    const yesNo = (v: boolean | null) => (v === null ? text.unknown : v ? text.yes : text.no);
    for (const r of reports) {
      layoffs.addRow([r.regionCode, r.employer, r.count, r.staff ?? '', r.effectiveDate, yesNo(r.reportable), r.check.windowTotal, r.check.noticeDays ?? '', yesNo(r.unionConsulted)]);
    }

    const cases = sheet(text.cases, text.caseColumns);
    const caseRows: { regionCode: string; level: string | null; matched: number; event: string | null; done: number; tasks: number; people: number; createdAt: Date; id: string }[] =
      await tx.query(
        `SELECT c.id, c.region_code AS "regionCode", a.level, jsonb_array_length(c.matched_shortages)::int AS matched, ev.title AS event,
                (SELECT count(*) FILTER (WHERE t.status = 'done') FROM warning_response_task t WHERE t.case_id = c.id)::int AS done,
                (SELECT count(*) FROM warning_response_task t WHERE t.case_id = c.id)::int AS tasks,
                (SELECT count(*) FROM warning_case_person p WHERE p.case_id = c.id)::int AS people, c.created_at AS "createdAt"
           FROM warning_response_case c LEFT JOIN warning_alert a ON a.id = c.alert_id LEFT JOIN recruitment_event ev ON ev.id = c.event_id
          WHERE c.region_code LIKE $1 AND to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $2 ORDER BY c.created_at`,
        [like, month],
      );
    for (const c of caseRows) {
      const responseCase = await tx.getRepository(WarningResponseCase).findOneByOrFail({ id: c.id });
      const { reemployed } = await this.rapidResponse.reemployment(responseCase);
      cases.addRow([c.regionCode, c.level ?? '', c.matched, c.event ?? '', `${c.done}/${c.tasks}`, c.people, reemployed, shanghaiDisplay(c.createdAt)]);
    }
    return { content: Buffer.from(await book.xlsx.writeBuffer()), fileName: language === 'zh' ? `失业预警月报-${month}.xlsx` : `unemployment-warning-${month}.xlsx` };
  }
}
