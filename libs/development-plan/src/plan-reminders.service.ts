import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Clock, shanghaiDate } from '@app/clock';
import { SmsSender } from '@app/events';
import { NotificationsService } from '@app/notifications';
import { deadline, Quarter, reminderOn, reportingQuartersAround, ReporterRef, ScheduledReminder } from './core';
import { PlanCompileService } from './plan-compile.service';
import { PlanTargetsService } from './plan-targets.service';
import { PlanReporters } from './reporters';

export interface ReminderSent {
  reporter: string;
  year: number;
  quarter: Quarter;
  kind: ScheduledReminder['kind'] | 'slow';
  date: string;
  inApp: number;
  sms: number;
}

/**
 * Reminders of the quarterly report on the holiday-aware calendar (run daily, 09:00 Asia/Shanghai, by the
 * matcher's maintenance queue): `remindBefore` working days before the deadline, on the day, then every working day
 * after it until the unit has submitted; and on the first working day after the deadline, a 督促提醒 notice to
 * every unit with an indicator slower than 时序进度 minus the tolerance. In-app to the unit's administrators, SMS to
 * the plan's contact. Each (unit, quarter, kind, day) is sent once (`plan_reminder`), so a repeated run is a no-op.
 */
@Injectable()
export class PlanRemindersService {
  private readonly logger = new Logger(PlanRemindersService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly reporters: PlanReporters,
    private readonly targets: PlanTargetsService,
    private readonly compiler: PlanCompileService,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsSender,
    private readonly clock: Clock,
  ) {}

  async run(now: Date = this.clock.now()): Promise<ReminderSent[]> {
    const today = shanghaiDate(now);
    const sent: ReminderSent[] = [];
    for (const { year, quarter } of reportingQuartersAround(today)) {
      const due = deadline(year, quarter);
      const reminder = reminderOn(today, year, quarter);
      if (reminder) {
        const submitted = await this.submittedReporters(year, quarter);
        for (const reporter of this.reporters.all()) {
          if (submitted.has(reporter.code)) continue;
          const result = await this.txHost.withTransaction(() => this.send(reporter, year, quarter, reminder.kind, today, due, now, 0));
          if (result) sent.push(result);
        }
      }
      if (reminder?.kind === 'overdue' && reminder.offset === -1) {
        const compiled = await this.compiler.compileFor(year, quarter, today);
        const slowCount = new Map<string, number>();
        for (const item of compiled.slow) slowCount.set(item.reporter, (slowCount.get(item.reporter) ?? 0) + 1);
        for (const [code, count] of slowCount) {
          const reporter = this.reporters.get(code)!;
          const result = await this.txHost.withTransaction(() => this.send(reporter, year, quarter, 'slow', today, due, now, count));
          if (result) sent.push(result);
        }
      }
    }
    if (sent.length) this.logger.log(`sent ${sent.length} plan report reminders and notices on ${today}`);
    return sent;
  }

  private async submittedReporters(year: number, quarter: number): Promise<Set<string>> {
    const rows: { reporter: string }[] = await this.txHost.tx.query(
      `SELECT DISTINCT reporter FROM plan_report WHERE year = $1 AND quarter = $2 AND first_submitted_at IS NOT NULL`,
      [year, quarter],
    );
    return new Set(rows.map((r) => r.reporter));
  }

  private async send(reporter: ReporterRef, year: number, quarter: Quarter, kind: ReminderSent['kind'], today: string, due: string, now: Date, slowCount: number): Promise<ReminderSent | null> {
    const claimed: unknown[] = await this.txHost.tx.query(
      `INSERT INTO plan_reminder (reporter, year, quarter, kind, date, sent_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING reporter`,
      [reporter.code, year, quarter, kind, today, now],
    );
    if (claimed.length === 0) return null;
    const period = `${year}年第${quarter}季度`;
    const users: { id: string }[] = reporter.kind === 'unit'
      ? []
      : await this.txHost.tx.query(`SELECT id FROM app_user WHERE role = 'admin' AND region_code = $1 AND NOT disabled`, [reporter.code]);
    const text = {
      before: { zh: `${period}岗位开发计划实施情况报告将于 ${due} 截止，请按时报送。`, en: `The ${year} Q${quarter} job-development report is due on ${due}.` },
      due_today: { zh: `${period}岗位开发计划实施情况报告今日（${due}）截止，请今日报送。`, en: `The ${year} Q${quarter} job-development report is due today (${due}).` },
      overdue: { zh: `${period}岗位开发计划实施情况报告已超过截止日期 ${due}，请尽快报送。`, en: `The ${year} Q${quarter} job-development report is overdue (deadline ${due}).` },
      slow: { zh: `${period}有 ${slowCount} 项指标完成率低于时序进度，请加快推进。`, en: `${slowCount} indicators of ${year} Q${quarter} are behind the elapsed share of the year.` },
    }[kind];
    const inApp = await this.notifications.notify(
      users.map((u) => u.id),
      {
        kind: kind === 'slow' ? 'plan_slow_notice' : 'plan_report_reminder',
        titleZh: kind === 'slow' ? `督促提醒：${reporter.nameZh}岗位开发进度偏慢` : `报送提醒：${period}岗位开发计划实施情况`,
        titleEn: kind === 'slow' ? `Progress notice: ${reporter.nameEn} is behind` : `Reminder: ${year} Q${quarter} job-development report`,
        bodyZh: text.zh,
        bodyEn: text.en,
        link: `/admin/plan/report?reporter=${encodeURIComponent(reporter.code)}&year=${year}&quarter=${quarter}`,
      },
      `plan-reminder:${reporter.code}:${year}Q${quarter}:${kind}:${today}`,
    );
    let sms = 0;
    const contact = await this.targets.contactOf(reporter.code, year);
    if (contact) {
      const base = { name: contact.name || reporter.nameZh, reporter: reporter.nameZh, period, deadline: due };
      if (kind === 'slow') await this.sms.send({ to: contact.phone, template: 'PLAN_SLOW_NOTICE', params: { ...base, count: String(slowCount) } });
      else if (kind === 'overdue') await this.sms.send({ to: contact.phone, template: 'PLAN_REPORT_OVERDUE', params: base });
      else await this.sms.send({ to: contact.phone, template: 'PLAN_REPORT_DUE', params: { ...base, when: kind === 'due_today' ? '今日截止' : '请提前准备' } });
      sms = 1;
    }
    await this.txHost.tx.query(`UPDATE plan_reminder SET in_app = $6, sms = $7 WHERE reporter = $1 AND year = $2 AND quarter = $3 AND kind = $4 AND date = $5`, [reporter.code, year, quarter, kind, today, inApp, sms]);
    return { reporter: reporter.code, year, quarter, kind, date: today, inApp, sms };
  }
}
