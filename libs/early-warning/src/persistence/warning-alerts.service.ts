import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { adminRegion, Principal, regionPrefix, regionWithin } from '@app/auth';
import { addMonthsToMonth, Clock, shanghaiDate } from '@app/clock';
import { AppError } from '@app/errors';
import { NotificationsService } from '@app/notifications';
import { escalation, Tier } from '../core/escalation';
import { ALL_INDUSTRIES, computeIndicators } from '../core/indicators';
import { inForce } from '../core/layoff';
import { hysteresisOn, INITIAL_STATE, indicatorSeverity, regionLevelOn, stepHysteresis } from '../core/levels';
import { DEFAULT_BOOK, forRegion, IndicatorCode } from '../core/parameter-book';
import { entryOn } from '../core/parameters';
import { Level, LEVEL_COLOUR, levelOf, Severity, severityOf, Signals } from '../core/types';
import { toCore } from './warning-signals.service';
import {
  AlertEvidence, AlertKind, AlertStatus, AlertTier, Department, LEAD_DEPARTMENT, WarningAcknowledgement, WarningAlert, WarningClaimsFigure, WarningEscalation,
  WarningFirmReport, WarningLayoffReport, WarningMarketFigure, WarningMeasure, WarningRateFigure, WarningResponseCase, WarningResponseTask,
} from './warning.entities';

/** Months of history the hysteresis steps through (and the year-on-year comparison needs). */
const HISTORY_MONTHS = 36;

export interface AlertFilter {
  status?: AlertStatus;
  regionCode?: string;
  offset: number;
  limit: number;
}

export interface AlertDetail {
  alert: WarningAlert;
  acknowledgements: WarningAcknowledgement[];
  escalations: WarningEscalation[];
  caseId: string | null;
}

/** The tier a region's alert starts at: a county (district) its own office, a city's its city, the province its own. */
export function raisedTierOf(regionCode: string): AlertTier {
  if (regionCode.slice(2) === '0000') return 'province';
  if (regionCode.slice(4) === '00') return 'city';
  return 'county';
}

/** The region whose administrators hold an alert at a tier (null: the province). */
export function tierRegion(regionCode: string, tier: AlertTier): string | null {
  if (tier === 'county') return regionCode;
  // Counties administered directly by the province (4690xx) have no city: their city tier is the province.
  if (tier === 'city' && !regionCode.startsWith('4690')) return `${regionCode.slice(0, 4)}00`;
  return null;
}

/**
 * Alerts that someone owns: evaluation of a region after each filing or import (the published level after
 * hysteresis, and an immediate alert for each §41 layoff whose size reaches a level), the departments'
 * acknowledgements, and escalation when the lead department has not acknowledged within the level's limit (2 h for
 * I and II, 12 h for III) on the injected clock. Every alert opens a response case with the prepared measures of its
 * level as tasks; recipients are told in-app in the same transaction.
 */
@Injectable()
export class WarningAlertsService {
  private readonly logger = new Logger(WarningAlertsService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The region's signals over the history window. Social-insurance 增减员 widens the monitored firms to every insured
   * enterprise (a monitored firm's own report for the month wins; an enterprise's headcount at enrolment is its first
   * insured headcount in the window); paired enterprises put on the abnormal list or deregistered count in the month
   * it happened; the platform's market figures give 求人倍率 and new registrations.
   */
  async signalsOf(regionCode: string, now: Date): Promise<Signals> {
    const tx = this.txHost.tx;
    const from = addMonthsToMonth(shanghaiDate(now).slice(0, 7), -HISTORY_MONTHS);
    const inRegion = { regionCode, from };
    const firms = await tx.getRepository(WarningFirmReport).createQueryBuilder('f').where('f.region_code = :regionCode AND f.month >= :from', inRegion).getMany();
    const layoffs = await tx
      .getRepository(WarningLayoffReport)
      .createQueryBuilder('l')
      .where('l.region_code = :regionCode AND l.effective_date >= :from', { regionCode, from: `${from}-01` })
      .getMany();
    const claims = await tx.getRepository(WarningClaimsFigure).createQueryBuilder('c').where('c.region_code = :regionCode AND c.month >= :from', inRegion).getMany();
    const rates = await tx.getRepository(WarningRateFigure).createQueryBuilder('r').where('r.region_code = :regionCode AND r.month >= :from', inRegion).getMany();
    const market = await tx.getRepository(WarningMarketFigure).createQueryBuilder('m').where('m.region_code = :regionCode AND m.month >= :from', inRegion).getMany();
    const insured: { firmId: string; industry: string; month: string; previous: number; additions: number; reductions: number }[] = await tx.query(
      `SELECT coalesce(e.id::text, 'si:' || i.credit_code) AS "firmId", i.industry_code AS industry, i.month, i.previous_headcount AS previous, i.additions, i.reductions
         FROM warning_insurance_figure i LEFT JOIN employer e ON e.credit_code = i.credit_code
        WHERE i.region_code = $1 AND i.month >= $2 ORDER BY i.month`,
      [regionCode, from],
    );
    const firmStatus: { firmId: string; industry: string; month: string; status: 'abnormal_list' | 'deregistered' }[] = await tx.query(
      `SELECT DISTINCT e.id AS "firmId", e.industry_code AS industry, s.month, s.status
         FROM warning_firm_status s JOIN employer e ON e.credit_code = s.credit_code
        WHERE e.region_code = $1 AND s.month >= $2 AND s.status IN ('abnormal_list', 'deregistered')
          AND EXISTS (SELECT 1 FROM pairing p WHERE p.employer_id = e.id AND p.started_at < (s.month || '-01')::date + interval '1 month'
                                                AND (p.ended_at IS NULL OR p.ended_at >= (s.month || '-01')::date))`,
      [regionCode, from],
    );
    const reported = new Set(firms.map((f) => `${f.employerId}|${f.month}`));
    const enrolment = new Map<string, number>();
    for (const i of insured) if (!enrolment.has(i.firmId)) enrolment.set(i.firmId, i.previous);
    return {
      firms: [
        ...firms.map((f) => ({
          firmId: f.employerId, region: f.regionCode, industry: f.industryCode, month: f.month, enrolmentHeadcount: f.enrolmentHeadcount,
          previousHeadcount: f.previousHeadcount, headcount: f.headcount, additions: f.additions, reductions: f.reductions,
        })),
        ...insured.filter((i) => !reported.has(`${i.firmId}|${i.month}`)).map((i) => ({
          firmId: i.firmId, region: regionCode, industry: i.industry, month: i.month, enrolmentHeadcount: enrolment.get(i.firmId)!, previousHeadcount: i.previous,
          headcount: i.previous + i.additions - i.reductions, additions: i.additions, reductions: { other: i.reductions },
        })),
      ],
      layoffs: layoffs.map(toCore),
      claims: claims.map((c) => ({ region: c.regionCode, industry: c.industryCode === '*' ? undefined : c.industryCode, month: c.month, claims: c.claims, weekly: c.weekly })),
      market: market.map((m) => ({ region: m.regionCode, month: m.month, vacancies: m.vacancies, seekers: m.seekers, newRegistrations: m.newRegistrations })),
      rates: rates.map((r) => ({
        region: r.regionCode, month: r.month, registeredRate: r.registeredRate ?? undefined, surveyedRate: r.surveyedRate ?? undefined,
        youthSurveyedRate: r.youthSurveyedRate ?? undefined,
      })),
      firmStatus: firmStatus.map((e) => ({ firmId: e.firmId, region: regionCode, industry: e.industry, month: e.month, status: e.status })),
    };
  }

  /**
   * Evaluates a region's monthly alert: indicators per month, the raw level (two-signal rule), the hysteresis over the
   * months up to the latest with figures; raises, raises in level, keeps, or closes the region's monthly alert.
   */
  async evaluateRegion(regionCode: string, now: Date = this.clock.now()): Promise<WarningAlert | null> {
    return this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtext('warning-region:' || $1))`, [regionCode]);
      const signals = await this.signalsOf(regionCode, now);
      const thisMonth = shanghaiDate(now).slice(0, 7);
      const rows = computeIndicators(signals, DEFAULT_BOOK).filter((r) => r.region === regionCode && r.industry === ALL_INDUSTRIES && r.month <= thisMonth);
      const open = await this.openMonthly(regionCode);
      if (rows.length === 0) return open;
      const byMonth = new Map(rows.map((r) => [r.month, r]));
      const months = [...byMonth.keys()].sort();
      const history: AlertEvidence['history'] = [];
      let state = INITIAL_STATE;
      let last = null as ReturnType<typeof regionLevelOn> | null;
      for (let month = months[0]; month <= months[months.length - 1]; month = addMonthsToMonth(month, 1)) {
        const row = byMonth.get(month);
        // Months before any dated thresholds are in force count as clear (nothing to judge them by).
        const inForce = !!entryOn(forRegion(DEFAULT_BOOK.thresholds, regionCode), `${month}-01`) && !!entryOn(forRegion(DEFAULT_BOOK.hysteresis, regionCode), `${month}-01`);
        const level = row && inForce ? regionLevelOn(regionCode, month, row.values, DEFAULT_BOOK) : null;
        state = inForce ? stepHysteresis(state, level?.severity ?? 0, hysteresisOn(regionCode, month, DEFAULT_BOOK)) : state;
        history.push({ month, raw: level?.severity ?? 0, published: state.severity });
        last = level;
      }
      const latestMonth = months[months.length - 1];
      const latest = byMonth.get(latestMonth)!;
      const published = state.severity;
      if (published === 0) {
        if (open) await this.txHost.tx.getRepository(WarningAlert).update({ id: open.id }, { status: 'closed', nextEscalationAt: null });
        return open ? this.txHost.tx.getRepository(WarningAlert).findOneByOrFail({ id: open.id }) : null;
      }
      const evidence: AlertEvidence = {
        indicators: (Object.keys(latest.values) as IndicatorCode[]).map((code) => ({ code, value: latest.values[code]!, severity: last?.byIndicator[code] ?? 0 })),
        figures: latest.evidence,
        drivers: last?.drivers ?? [],
        heldBySingleSignal: last?.heldBySingleSignal ?? false,
        history: history.slice(-24),
      };
      const level = levelOf(published)!;
      if (open && severityOf(open.level) >= published) {
        await this.txHost.tx.getRepository(WarningAlert).update({ id: open.id }, { month: latestMonth, evidence, drivers: evidence.drivers });
        return this.txHost.tx.getRepository(WarningAlert).findOneByOrFail({ id: open.id });
      }
      if (open) {
        // A rise in level is a new alert at the new level: the old one is closed and the clock starts again.
        await this.txHost.tx.getRepository(WarningAlert).update({ id: open.id }, { status: 'closed', nextEscalationAt: null });
      }
      return this.raise({ kind: 'monthly', key: `monthly:${regionCode}:${latestMonth}:${level}`, regionCode, month: latestMonth, level, evidence, layoffReportId: null }, now);
    });
  }

  /** An immediate alert for a §41 layoff whose size (summed over 90 days) reaches a level on its own; null when it does not. */
  async raiseForLayoff(reportId: string, now: Date = this.clock.now()): Promise<WarningAlert | null> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const report = await tx.getRepository(WarningLayoffReport).findOneByOrFail({ id: reportId });
      const existing = await tx.getRepository(WarningAlert).findOneBy({ key: `layoff:${reportId}` });
      if (existing) return existing;
      const sameEmployer = inForce((await tx.getRepository(WarningLayoffReport).findBy({ employerId: report.employerId })).map(toCore));
      if (!report.reportable || !sameEmployer.some((r) => r.id === report.id)) return null;
      const month = report.effectiveDate.slice(0, 7);
      const thresholds = entryOn(forRegion(DEFAULT_BOOK.thresholds, report.regionCode), `${month}-01`)?.value;
      if (!thresholds) return null;
      const total = report.checkResult.windowTotal;
      const largeFirm = report.staff !== null && report.staff >= thresholds.largeFirmStaff;
      const bySize = indicatorSeverity(total, thresholds.indicators.largestLayoff);
      const byLargeFirm = largeFirm ? indicatorSeverity(total, thresholds.indicators.largeFirmLayoff) : 0;
      const severity = Math.max(bySize, byLargeFirm) as Severity;
      if (severity === 0) return null;
      const evidence: AlertEvidence = {
        indicators: [
          { code: 'largestLayoff', value: total, severity: bySize },
          ...(largeFirm ? [{ code: 'largeFirmLayoff', value: total, severity: byLargeFirm }] : []),
        ],
        figures: {
          count: report.count, windowTotal: total, ...(report.staff !== null ? { staff: report.staff } : {}),
          ...(report.checkResult.noticeDays !== null ? { noticeDays: report.checkResult.noticeDays } : {}), windowReports: report.checkResult.windowReportIds.length,
        },
        drivers: byLargeFirm >= bySize && largeFirm ? ['largeFirmLayoff'] : ['largestLayoff'],
        heldBySingleSignal: false,
        history: [],
      };
      return this.raise({ kind: 'layoff', key: `layoff:${reportId}`, regionCode: report.regionCode, month, level: levelOf(severity)!, evidence, layoffReportId: reportId }, now);
    });
  }

  private async raise(
    a: { kind: AlertKind; key: string; regionCode: string; month: string; level: Level; evidence: AlertEvidence; layoffReportId: string | null },
    now: Date,
  ): Promise<WarningAlert> {
    const tx = this.txHost.tx;
    const tier = raisedTierOf(a.regionCode);
    const timing = escalation({ level: a.level, raisedAt: now, tier }, now, DEFAULT_BOOK);
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(WarningAlert)
      .values({
        key: a.key, kind: a.kind, regionCode: a.regionCode, month: a.month, level: a.level, status: 'open', tier, raisedTier: tier, drivers: a.evidence.drivers,
        evidence: a.evidence, layoffReportId: a.layoffReportId, raisedAt: now, nextEscalationAt: timing.nextAt,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const alert = await tx.getRepository(WarningAlert).findOneByOrFail({ key: a.key });
    if (inserted.identifiers.length === 0 || !inserted.identifiers[0]) return alert;
    await this.openCase(alert, now);
    const colour = LEVEL_COLOUR[a.level];
    const what = a.kind === 'layoff' ? `企业裁员 ${a.evidence.figures.windowTotal} 人` : `指标：${a.evidence.drivers.join('、')}`;
    await this.notifyTier(alert, tier, {
      titleZh: `失业预警 ${a.level}级（${colour.zh}）：${a.regionCode}`,
      titleEn: `Unemployment warning level ${a.level} (${colour.en}) for ${a.regionCode}`,
      bodyZh: `${what}。请相关部门确认收到${timing.nextAt ? `（${Math.round((timing.nextAt.getTime() - now.getTime()) / 3_600_000)} 小时内未确认将上报）` : ''}。`,
      bodyEn: `${a.kind === 'layoff' ? `A layoff of ${a.evidence.figures.windowTotal} people` : `Indicators: ${a.evidence.drivers.join(', ')}`}. Acknowledge it${timing.nextAt ? ' before it escalates' : ''}.`,
    });
    this.logger.log(`warning alert ${a.level} raised for ${a.regionCode} (${a.kind}, ${a.key})`);
    return alert;
  }

  /** The response case of an alert, with the prepared measures of its level (and those below) as tasks. */
  async openCase(alert: WarningAlert, now: Date): Promise<WarningResponseCase> {
    const tx = this.txHost.tx;
    let found = await tx.getRepository(WarningResponseCase).findOneBy(alert.layoffReportId ? { layoffReportId: alert.layoffReportId } : { alertId: alert.id });
    if (!found) {
      const employer = alert.layoffReportId ? (await tx.getRepository(WarningLayoffReport).findOneByOrFail({ id: alert.layoffReportId })).employerId : null;
      await tx.createQueryBuilder().insert().into(WarningResponseCase)
        .values({ alertId: alert.id, layoffReportId: alert.layoffReportId, employerId: employer, regionCode: alert.regionCode })
        .orIgnore().execute();
      found = await tx.getRepository(WarningResponseCase).findOneByOrFail(alert.layoffReportId ? { layoffReportId: alert.layoffReportId } : { alertId: alert.id });
    }
    if (!found.alertId) await tx.getRepository(WarningResponseCase).update({ id: found.id }, { alertId: alert.id });
    const measures = (await tx.getRepository(WarningMeasure).find()).filter((m) => severityOf(m.level) <= severityOf(alert.level));
    await this.addTasks(found.id, measures.map((m) => ({ code: `measure:${m.code}`, titleZh: m.titleZh, titleEn: m.titleEn, owner: m.owner, dueAt: new Date(now.getTime() + m.dueHours * 3_600_000) })));
    return tx.getRepository(WarningResponseCase).findOneByOrFail({ id: found.id });
  }

  async addTasks(caseId: string, tasks: { code: string; titleZh: string; titleEn: string; owner: Department; dueAt: Date | null }[]): Promise<void> {
    if (tasks.length === 0) return;
    await this.txHost.tx.createQueryBuilder().insert().into(WarningResponseTask).values(tasks.map((t) => ({ caseId, ...t }))).orIgnore().execute();
  }

  /**
   * Escalates every open alert whose limit has passed by `now` (the injected clock): one escalation row per tier
   * passed (the time it fell due, not the time noticed), the alert moved up, the new tier's administrators told.
   * Idempotent: run it as often as you like (a repeating job does).
   */
  async escalateDue(now: Date = this.clock.now()): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const due: WarningAlert[] = await tx
        .getRepository(WarningAlert)
        .createQueryBuilder('a')
        .where(`a.status = 'open' AND a.next_escalation_at <= :now`, { now })
        .orderBy('a.next_escalation_at')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let steps = 0;
      for (const alert of due) {
        const timing = escalation({ level: alert.level, raisedAt: alert.raisedAt, tier: alert.raisedTier as Tier }, now, DEFAULT_BOOK);
        for (const step of timing.steps) {
          const result = await tx.createQueryBuilder().insert().into(WarningEscalation)
            .values({ alertId: alert.id, fromTier: step.from, toTier: step.to, dueAt: step.at, recordedAt: now })
            .orIgnore().returning('id').execute();
          if (!result.identifiers[0]) continue;
          steps += 1;
          await this.notifyTier(alert, step.to, {
            titleZh: `失业预警 ${alert.level}级 未按时确认，已上报：${alert.regionCode}`,
            titleEn: `Unacknowledged level ${alert.level} warning for ${alert.regionCode} escalated to you`,
            bodyZh: `该预警于 ${alert.raisedAt.toISOString()} 发出，${step.from === 'county' ? '县（区）' : '市'}级在时限内未确认。`,
            bodyEn: `Raised at ${alert.raisedAt.toISOString()}; the ${step.from} office did not acknowledge it in time.`,
          }, `escalation:${step.to}`);
        }
        await tx.getRepository(WarningAlert).update({ id: alert.id }, { tier: timing.tier, nextEscalationAt: timing.nextAt });
      }
      return steps;
    });
  }

  /** A department acknowledges the alert; the lead department's acknowledgement stops the escalation clock. */
  async acknowledge(principal: Principal, alertId: string, department: Department, note: string, now: Date = this.clock.now()): Promise<AlertDetail> {
    const alert = await this.visible(principal, alertId);
    const tx = this.txHost.tx;
    await tx.createQueryBuilder().insert().into(WarningAcknowledgement).values({ alertId, department, userId: principal.userId, note, at: now }).orIgnore().execute();
    if (department === LEAD_DEPARTMENT && alert.status === 'open') {
      await tx.getRepository(WarningAlert).update({ id: alertId }, { status: 'acknowledged', acknowledgedAt: now, nextEscalationAt: null });
    }
    return this.detail(principal, alertId);
  }

  async list(principal: Principal, filter: AlertFilter): Promise<[WarningAlert[], number]> {
    const qb = this.txHost.tx.getRepository(WarningAlert).createQueryBuilder('a').orderBy('a.raised_at', 'DESC').addOrderBy('a.id').skip(filter.offset).take(filter.limit);
    const scope = scopeRegion(principal);
    if (scope) qb.andWhere('a.region_code LIKE :scope', { scope: `${regionPrefix(scope)}%` });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.regionCode) qb.andWhere('a.region_code LIKE :region', { region: `${regionPrefix(filter.regionCode)}%` });
    return qb.getManyAndCount();
  }

  async detail(principal: Principal, alertId: string): Promise<AlertDetail> {
    const alert = await this.visible(principal, alertId);
    const tx = this.txHost.tx;
    const acknowledgements = await tx.getRepository(WarningAcknowledgement).find({ where: { alertId }, order: { at: 'ASC' } });
    const escalations = await tx.getRepository(WarningEscalation).find({ where: { alertId }, order: { dueAt: 'ASC' } });
    const responseCase = await tx.getRepository(WarningResponseCase).findOne({ where: [{ alertId }, ...(alert.layoffReportId ? [{ layoffReportId: alert.layoffReportId }] : [])] });
    return { alert, acknowledgements, escalations, caseId: responseCase?.id ?? null };
  }

  /** The 政策储备 library, least severe level first. */
  async measures(): Promise<WarningMeasure[]> {
    const all = await this.txHost.tx.getRepository(WarningMeasure).find({ order: { code: 'ASC' } });
    return all.sort((a, b) => severityOf(a.level) - severityOf(b.level));
  }

  /** The alert, or 404 when missing or outside the caller's region. */
  async visible(principal: Principal, alertId: string): Promise<WarningAlert> {
    const alert = await this.txHost.tx.getRepository(WarningAlert).findOneBy({ id: alertId });
    const scope = scopeRegion(principal);
    if (!alert || (scope && !regionWithin(alert.regionCode, scope))) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'warning_alert' });
    return alert;
  }

  private openMonthly(regionCode: string): Promise<WarningAlert | null> {
    return this.txHost.tx.getRepository(WarningAlert).createQueryBuilder('a')
      .where(`a.region_code = :regionCode AND a.kind = 'monthly' AND a.status <> 'closed'`, { regionCode }).orderBy('a.raised_at', 'DESC').getOne();
  }

  private async notifyTier(alert: WarningAlert, tier: AlertTier, text: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string }, dedupe = 'raised'): Promise<void> {
    const region = tierRegion(alert.regionCode, tier);
    const tx = this.txHost.tx;
    let users: { id: string }[] = region
      ? await tx.query(
          `SELECT id FROM app_user WHERE NOT disabled AND ((role = 'admin' AND region_code = $1) OR ($2 AND role = 'officer' AND region_code = $1))`,
          [region, tier === 'county'],
        )
      : [];
    if (users.length === 0) users = await tx.query(`SELECT id FROM app_user WHERE NOT disabled AND role = 'admin' AND (region_code IS NULL OR region_code = '460000')`);
    await this.notifications.notify(users.map((u) => u.id), { kind: 'warning_alert', ...text, link: `/warnings/${alert.id}` }, `warning-alert:${alert.id}:${dedupe}`);
  }
}

/** The region an account reaches for alerts: null for the whole province. Officers and administrators only. */
export function scopeRegion(principal: Principal): string | null {
  const admin = adminRegion(principal);
  if (admin !== undefined) return admin;
  return principal.regionCode ?? null;
}

