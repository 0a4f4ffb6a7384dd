import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal, regionPrefix, regionWithin } from '@app/auth';
import { Clock } from '@app/clock';
import { EmployerReads, ShortageReads } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { EventPlanningService } from '@app/events';
import { distanceKm } from '@app/geocoding';
import { NotificationsService } from '@app/notifications';
import { SeekerDirectory, SeekerReads } from '@app/seeker-pool';
import { minorGroupOrSelf, Taxonomy } from '@app/taxonomy';
import { scopeRegion, WarningAlertsService } from './warning-alerts.service';
import {
  MatchedShortage, TrainingGap, WarningAlert, WarningCasePerson, WarningLayoffReport, WarningResponseCase, WarningResponseTask,
} from './warning.entities';

/** How far from the laid-off employer an open job counts as within reach. */
export const RAPID_RESPONSE_REACH_KM = 50;
const MATCHED_KEPT = 30;

export interface Reemployment {
  people: number;
  reemployed: number;
  /** Median days from the layoff to the first hire, of those re-employed. */
  medianDays: number | null;
  within30Days: number;
}

export interface CaseView {
  responseCase: WarningResponseCase;
  report: WarningLayoffReport | null;
  alert: WarningAlert | null;
  tasks: WarningResponseTask[];
  event: { id: string; title: string; date: string; status: string; stationName: string } | null;
  reemployment: Reemployment;
}

const FIT_ORDER: Record<MatchedShortage['fit'], number> = { same_occupation: 0, same_group: 1, nearby: 2 };

/**
 * Rapid response to a §41 layoff report: the affected occupations and the employer's place go to the open
 * shortages within reach (same occupation, then the same minor group, then any, nearest first), a targeted event is
 * proposed at the nearest station through the event planner, the occupations without enough openings near by are
 * referred to retraining for the shortage occupations that have them, and the people laid off (registered as seekers
 * on the case) are followed to their first hire.
 */
@Injectable()
export class RapidResponseService {
  private readonly logger = new Logger(RapidResponseService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly employers: EmployerReads,
    private readonly shortages: ShortageReads,
    private readonly planner: EventPlanningService,
    private readonly alerts: WarningAlertsService,
    private readonly notifications: NotificationsService,
    private readonly seekers: SeekerDirectory,
    private readonly seekerReads: SeekerReads,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: a case answered once is not answered again. */
  async respond(reportId: string, now: Date = this.clock.now()): Promise<WarningResponseCase> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const report = await tx.getRepository(WarningLayoffReport).findOneByOrFail({ id: reportId });
      await tx.createQueryBuilder().insert().into(WarningResponseCase)
        .values({ layoffReportId: report.id, employerId: report.employerId, regionCode: report.regionCode }).orIgnore().execute();
      const responseCase = await tx.getRepository(WarningResponseCase).findOneByOrFail({ layoffReportId: report.id });
      if (responseCase.respondedAt) return responseCase;
      const alert = await tx.getRepository(WarningAlert).findOneBy({ key: `layoff:${report.id}` });

      const place = await this.employers.placeOf(report.employerId);
      const centre = this.taxonomy.region(report.regionCode)?.center ?? null;
      const point = place?.lat !== null && place?.lat !== undefined && place.lng !== null ? { lat: place.lat, lng: place.lng! } : centre;
      const matched = await this.matchShortages(report, point);
      const groups = new Set(report.occupations.map(minorGroupOrSelf));
      const families = [...new Set(matched.filter((m) => m.fit !== 'nearby').map((m) => minorGroupOrSelf(m.occupationCode)))].slice(0, 3);
      const event = point && matched.length
        ? await this.planner.proposeTargeted(
            {
              lat: point.lat, lng: point.lng, shortages: matched.map((m) => ({ id: m.shortageId, employerId: m.employerId })), expectedAttendance: report.count,
              occupationFamilies: families.length ? families : [...groups].slice(0, 3),
              reasonZh: `${place?.name ?? '企业'}报告裁减 ${report.count} 人（劳动合同法第41条），附近有 ${matched.reduce((n, m) => n + m.openHeadcount, 0)} 个对口或可转岗的空缺`,
              reasonEn: `${report.count} people to be laid off (§41); ${matched.reduce((n, m) => n + m.openHeadcount, 0)} open positions within reach`,
              key: report.id,
            },
            now,
          )
        : null;
      const gaps = this.trainingGaps(report, matched);
      await tx.getRepository(WarningResponseCase).update(
        { id: responseCase.id },
        { matchedShortages: matched, trainingGaps: gaps, eventId: event?.eventId ?? null, respondedAt: now, alertId: alert?.id ?? responseCase.alertId },
      );
      const day = 3_600_000 * 24;
      await this.alerts.addTasks(responseCase.id, [
        { code: 'register_people', titleZh: '为被裁减人员办理求职登记并录入本案', titleEn: 'Register the people laid off as seekers on this case', owner: 'hrss', dueAt: new Date(now.getTime() + 3 * day) },
        ...(event ? [{ code: 'hold_event', titleZh: `确认并举办专场招聘会（${event.stationName}，${event.date}）`, titleEn: `Confirm and hold the targeted event (${event.date})`, owner: 'hrss' as const, dueAt: new Date(`${event.date}T18:00:00+08:00`) }] : []),
        ...(gaps.length ? [{ code: 'training', titleZh: `组织转岗培训：${gaps.map((g) => this.taxonomy.occupation(g.occupationCode)?.name ?? g.occupationCode).join('、')}`, titleEn: 'Arrange retraining for the occupations without enough openings near by', owner: 'hrss' as const, dueAt: new Date(now.getTime() + 14 * day) }] : []),
      ]);
      const filer = report.filedBy ? [report.filedBy] : [];
      await this.notifications.notify(
        filer,
        {
          kind: 'warning_rapid_response',
          titleZh: `裁员报告快速响应：附近 ${matched.length} 个岗位${event ? `，已向${event.stationName}提议专场招聘会` : ''}`,
          titleEn: `Rapid response: ${matched.length} open jobs within reach${event ? ', a targeted event proposed' : ''}`,
          bodyZh: gaps.length ? `${gaps.length} 个工种附近空缺不足，已列入转岗培训任务。` : '附近空缺足以吸纳被裁减人员。',
          bodyEn: gaps.length ? `${gaps.length} occupations lack openings near by: retraining is on the task list.` : 'The openings near by can take the people laid off.',
          link: `/warnings/cases/${responseCase.id}`,
        },
        `warning-case:${responseCase.id}`,
      );
      this.logger.log(`rapid response to layoff report ${report.id}: ${matched.length} shortages, event ${event?.eventId ?? 'none'}, ${gaps.length} training gaps`);
      return tx.getRepository(WarningResponseCase).findOneByOrFail({ id: responseCase.id });
    });
  }

  /** Open shortages within reach, ranked: the same occupation, the same minor group, then any; nearest first. */
  private async matchShortages(report: WarningLayoffReport, point: { lat: number; lng: number } | null): Promise<MatchedShortage[]> {
    const prefix = report.regionCode.startsWith('4690') ? '4690' : report.regionCode.slice(0, 4);
    const open = await this.shortages.openInRegion(prefix);
    const codes = new Set(report.occupations);
    const groups = new Set(report.occupations.map(minorGroupOrSelf));
    const ranked: MatchedShortage[] = [];
    for (const s of open) {
      const distance = point && s.lat !== null && s.lng !== null ? Math.round(distanceKm(point, { lat: s.lat, lng: s.lng }) * 10) / 10 : null;
      if (distance === null ? !s.regionCode.startsWith(report.regionCode.slice(0, 4)) : distance > RAPID_RESPONSE_REACH_KM) continue;
      const fit: MatchedShortage['fit'] = codes.has(s.occupationCode) ? 'same_occupation' : groups.has(minorGroupOrSelf(s.occupationCode)) ? 'same_group' : 'nearby';
      ranked.push({ shortageId: s.id, employerId: s.employerId, title: s.title, occupationCode: s.occupationCode, regionCode: s.regionCode, openHeadcount: s.openHeadcount, distanceKm: distance, fit });
    }
    ranked.sort((a, b) => FIT_ORDER[a.fit] - FIT_ORDER[b.fit] || (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9) || a.shortageId.localeCompare(b.shortageId));
    return ranked.filter((m) => m.employerId !== report.employerId).slice(0, MATCHED_KEPT);
  }

  /** Occupations whose people outnumber the matching openings near by, with the nearby shortage occupations to train for. */
  private trainingGaps(report: WarningLayoffReport, matched: MatchedShortage[]): TrainingGap[] {
    const occupations = report.occupations.length ? report.occupations : ['unknown'];
    const perOccupation = Math.ceil(report.count / occupations.length);
    const nearbyDemand = new Map<string, number>();
    for (const m of matched) nearbyDemand.set(m.occupationCode, (nearbyDemand.get(m.occupationCode) ?? 0) + m.openHeadcount);
    const gaps: TrainingGap[] = [];
    for (const code of occupations) {
      const openNearby = matched.filter((m) => m.occupationCode === code || minorGroupOrSelf(m.occupationCode) === minorGroupOrSelf(code)).reduce((n, m) => n + m.openHeadcount, 0);
      if (openNearby >= perOccupation) continue;
      const suggested = [...nearbyDemand.entries()].filter(([c]) => minorGroupOrSelf(c) !== minorGroupOrSelf(code)).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c]) => c);
      gaps.push({ occupationCode: code, people: perOccupation, openNearby, suggestedOccupations: suggested });
    }
    return gaps;
  }

  /** Registers people laid off (seekers in the caller's reach) on the case, to follow them to re-employment. */
  async addPeople(principal: Principal, caseId: string, seekerIds: string[], laidOffOn: string): Promise<CaseView> {
    await this.visibleCase(principal, caseId);
    await this.seekers.assertAllVisible(principal, seekerIds);
    await this.txHost.tx.createQueryBuilder().insert().into(WarningCasePerson)
      .values([...new Set(seekerIds)].map((seekerId) => ({ caseId, seekerId, laidOffOn }))).orIgnore().execute();
    return this.view(principal, caseId);
  }

  /** The case of a layoff report, once the rapid response has opened it (null before). */
  async caseIdOf(reportId: string): Promise<string | null> {
    return (await this.txHost.tx.getRepository(WarningResponseCase).findOne({ where: { layoffReportId: reportId }, select: { id: true } }))?.id ?? null;
  }

  async view(principal: Principal, caseId: string): Promise<CaseView> {
    const responseCase = await this.visibleCase(principal, caseId);
    const tx = this.txHost.tx;
    const report = responseCase.layoffReportId ? await tx.getRepository(WarningLayoffReport).findOneBy({ id: responseCase.layoffReportId }) : null;
    const alert = responseCase.alertId ? await tx.getRepository(WarningAlert).findOneBy({ id: responseCase.alertId }) : null;
    const tasks = await tx.getRepository(WarningResponseTask).find({ where: { caseId }, order: { dueAt: 'ASC', code: 'ASC' } });
    const [event] = responseCase.eventId
      ? await tx.query(
          `SELECT e.id, e.title, e.date::text AS date, e.status, st.name AS "stationName" FROM recruitment_event e JOIN station st ON st.id = e.station_id WHERE e.id = $1`,
          [responseCase.eventId],
        )
      : [];
    return { responseCase, report, alert, tasks, event: event ?? null, reemployment: await this.reemployment(responseCase) };
  }

  async list(principal: Principal, offset: number, limit: number): Promise<[WarningResponseCase[], number]> {
    const qb = this.txHost.tx.getRepository(WarningResponseCase).createQueryBuilder('c').orderBy('c.created_at', 'DESC').addOrderBy('c.id').skip(offset).take(limit);
    const scope = scopeRegion(principal);
    if (scope) qb.andWhere('c.region_code LIKE :scope', { scope: `${regionPrefix(scope)}%` });
    return qb.getManyAndCount();
  }

  async completeTask(principal: Principal, caseId: string, taskId: string, now: Date = this.clock.now()): Promise<CaseView> {
    await this.visibleCase(principal, caseId);
    const result = await this.txHost.tx.getRepository(WarningResponseTask).update({ id: taskId, caseId }, { status: 'done', doneAt: now });
    if (!result.affected) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'warning_task' });
    return this.view(principal, caseId);
  }

  /** People on the case hired since the case opened (their first hire), and how fast. */
  async reemployment(responseCase: WarningResponseCase): Promise<Reemployment> {
    const people = await this.txHost.tx.getRepository(WarningCasePerson).findBy({ caseId: responseCase.id });
    const hires = await this.seekerReads.firstHiresOf(people.map((p) => p.seekerId), responseCase.createdAt);
    const days = people
      .filter((p) => hires.has(p.seekerId))
      .map((p) => Math.max(0, (hires.get(p.seekerId)!.getTime() - Date.parse(`${p.laidOffOn}T00:00:00+08:00`)) / 86_400_000))
      .sort((a, b) => a - b);
    const median = days.length === 0 ? null : Math.round((days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2) * 10) / 10;
    return { people: people.length, reemployed: days.length, medianDays: median, within30Days: days.filter((d) => d <= 30).length };
  }

  private async visibleCase(principal: Principal, caseId: string): Promise<WarningResponseCase> {
    const found = await this.txHost.tx.getRepository(WarningResponseCase).findOneBy({ id: caseId });
    const scope = scopeRegion(principal);
    if (!found || (scope && !regionWithin(found.regionCode, scope))) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'warning_case' });
    return found;
  }
}
