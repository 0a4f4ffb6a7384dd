import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Clock } from '@app/clock';
import { OutboxService } from '@app/database';
import { liveShortageWithPlacesSql } from '@app/employer-demand';
import { NotificationsService } from '@app/notifications';
import { EVENT_STATUS_ZH } from './event-lifecycle';
import type { PlanningReason } from './planning';
import { EventStatus } from './recruitment-event.entity';

export interface DemandFollowUp {
  /** Proposals withdrawn (cancelled) because none of their demand is open any more. */
  withdrawn: string[];
  /** Proposals re-planned without the demand that is gone (its employers' booths and invitees removed). */
  replanned: string[];
  /** Accepted or published events whose staff were told that part of their demand is gone (people may be invited: staff decide). */
  flagged: string[];
}

const GONE_ZH: Record<string, string> = { expired: '已过招聘截止日期', filled: '已招满', closed: '已关闭', draft: '已撤回修改', screening: '重新审核中' };
const GONE_EN: Record<string, string> = { expired: 'passed its deadline', filled: 'was filled', closed: 'was closed', draft: 'was withdrawn for editing', screening: 'is being screened again' };

interface EventRow {
  id: string;
  stationId: string;
  status: EventStatus;
  title: string;
  date: string;
  reasons: PlanningReason[];
}

interface GoneShortage {
  id: string;
  title: string;
  status: string;
}

/**
 * Event proposals follow demand. When a shortage expires, fills or closes (its `shortage.changed` outbox row is
 * written in the same transaction as the change), the upcoming events that recruit for it are revisited:
 * a proposal keeps only the shortages still open (employers with none left lose their booth, invitees for the gone
 * shortages who were never told are removed) and is withdrawn when nothing open is left; an accepted or published event
 * is not changed behind its staff's back (people may be invited), they are told instead. The station's staff get an
 * in-app notification each time. Idempotent: a repeated job finds nothing left to change and sends nothing twice.
 */
@Injectable()
export class EventDemandService {
  private readonly logger = new Logger(EventDemandService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async followShortage(shortageId: string): Promise<DemandFollowUp> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const result: DemandFollowUp = { withdrawn: [], replanned: [], flagged: [] };
      const [shortage]: { live: boolean }[] = await tx.query(
        `SELECT (${liveShortageWithPlacesSql()}) AS live FROM shortage WHERE id = $1`,
        [shortageId],
      );
      if (shortage?.live) return result;
      const events: EventRow[] = await tx.query(
        `SELECT e.id, e.station_id AS "stationId", e.status, e.title, e.date::text AS date, e.reasons
         FROM recruitment_event e
         WHERE e.status IN ('proposed', 'accepted', 'published') AND e.date >= $2::date
           AND EXISTS (SELECT 1 FROM event_employer ee WHERE ee.event_id = e.id AND $1 = ANY(ee.shortage_ids))
         ORDER BY e.id FOR UPDATE OF e`,
        [shortageId, this.clock.today()],
      );
      for (const event of events) {
        if (event.status === 'proposed') {
          const outcome = await this.replan(event);
          if (outcome) result[outcome].push(event.id);
        } else if (await this.flag(event, shortageId)) {
          result.flagged.push(event.id);
        }
      }
      if (events.length) {
        this.logger.log(`shortage ${shortageId} no longer open: ${result.withdrawn.length} proposals withdrawn, ${result.replanned.length} re-planned, ${result.flagged.length} events flagged`);
      }
      return result;
    });
  }

  /** Drops every shortage of the proposal that is no longer open; withdraws the proposal when none is left. */
  private async replan(event: EventRow): Promise<'withdrawn' | 'replanned' | null> {
    const tx = this.txHost.tx;
    const gone: GoneShortage[] = await tx.query(
      `SELECT DISTINCT s.id, s.title, s.status FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids)
       WHERE ee.event_id = $1 AND NOT (${liveShortageWithPlacesSql('s')})
       UNION
       SELECT DISTINCT u.id, '', 'deleted' FROM event_employer ee, unnest(ee.shortage_ids) AS u(id)
       WHERE ee.event_id = $1 AND NOT EXISTS (SELECT 1 FROM shortage s WHERE s.id = u.id)`,
      [event.id],
    );
    if (gone.length === 0) return null;
    const goneIds = gone.map((s) => s.id);
    await tx.query(
      `UPDATE event_employer SET shortage_ids = ARRAY(SELECT x FROM unnest(shortage_ids) AS x WHERE NOT x = ANY($2::uuid[])) WHERE event_id = $1`,
      [event.id, goneIds],
    );
    await tx.query(`DELETE FROM event_employer WHERE event_id = $1 AND cardinality(shortage_ids) = 0`, [event.id]);
    // Invitees for the gone shortages who were never told (a proposal sends nothing yet).
    await tx.query(
      `DELETE FROM event_attendee WHERE event_id = $1 AND shortage_id = ANY($2::uuid[]) AND status = 'invited' AND invited_at IS NULL`,
      [event.id, goneIds],
    );
    const [left]: { shortages: number; headcount: number; invitees: number; previous: number; expected: number }[] = await tx.query(
      `SELECT (SELECT count(*)::int FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) WHERE ee.event_id = $1) AS shortages,
              (SELECT coalesce(sum(s.headcount - s.filled_headcount), 0)::int FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) WHERE ee.event_id = $1) AS headcount,
              (SELECT count(*)::int FROM event_attendee a WHERE a.event_id = $1) AS invitees,
              (SELECT headcount_addressed FROM recruitment_event WHERE id = $1) AS previous,
              (SELECT expected_attendance FROM recruitment_event WHERE id = $1) AS expected`,
      [event.id],
    );
    const why = describe(gone);
    const staff = await this.staffOf(event.stationId);
    if (left.shortages === 0 || left.invitees === 0) {
      const reasonZh = `需求已失效，提议自动撤回：${why.zh}`;
      await tx.query(
        `UPDATE recruitment_event SET status = 'cancelled', rejection_reason = $2, decided_at = now(), updated_at = now() WHERE id = $1`,
        [event.id, reasonZh],
      );
      await this.outbox.record('event.changed', event.id);
      await this.notifications.notify(staff, {
        kind: 'event_proposal_withdrawn',
        titleZh: `招聘活动提议已撤回：${event.title}（${event.date}）`,
        titleEn: `Event proposal withdrawn: ${event.date}`,
        bodyZh: `${why.zh}，该提议${left.shortages === 0 ? '已没有在招岗位' : '已没有可邀请的求职者'}，已自动撤回。新的需求会在下次规划时重新提议。`,
        bodyEn: `${why.en}; the proposal has ${left.shortages === 0 ? 'no open positions' : 'no invitees'} left and was withdrawn. New demand is proposed at the next planning.`,
        link: `/events/${event.id}`,
      }, `event-demand:${event.id}:withdrawn`);
      return 'withdrawn';
    }
    const expected = left.previous > 0 ? Math.max(1, Math.round((left.expected * left.headcount) / left.previous)) : left.expected;
    const reason: PlanningReason = {
      code: 'DEMAND_CHANGED',
      zh: `${why.zh}，已从提议中移除；仍有 ${left.shortages} 个岗位共 ${left.headcount} 人在招`,
      en: `${why.en}; removed from the proposal. ${left.shortages} postings with ${left.headcount} open positions remain`,
    };
    await tx.query(
      `UPDATE recruitment_event SET headcount_addressed = $2, expected_attendance = $3, reasons = $4::jsonb, updated_at = now() WHERE id = $1`,
      [event.id, left.headcount, expected, JSON.stringify([...event.reasons.filter((r) => r.code !== 'DEMAND_CHANGED'), reason])],
    );
    await this.notifications.notify(staff, {
      kind: 'event_proposal_replanned',
      titleZh: `招聘活动提议已调整：${event.title}（${event.date}）`,
      titleEn: `Event proposal re-planned: ${event.date}`,
      bodyZh: `${reason.zh}。请按调整后的提议确认或拒绝。`,
      bodyEn: `${reason.en}. Accept or reject the revised proposal.`,
      link: `/events/${event.id}`,
    }, `event-demand:${event.id}:replanned:${[...goneIds].sort().join(',')}`);
    return 'replanned';
  }

  /** Accepted or published: the staff decide (invitations may be out); they are told which demand is gone. */
  private async flag(event: EventRow, shortageId: string): Promise<boolean> {
    const [gone]: GoneShortage[] = await this.txHost.tx.query(`SELECT id, title, status FROM shortage WHERE id = $1`, [shortageId]);
    const why = describe(gone ? [gone] : [{ id: shortageId, title: '', status: 'deleted' }]);
    const sent = await this.notifications.notify(await this.staffOf(event.stationId), {
      kind: 'event_demand_changed',
      titleZh: `招聘活动的岗位有变化：${event.title}（${event.date}，${EVENT_STATUS_ZH[event.status]}）`,
      titleEn: `A posting of your event changed: ${event.date}`,
      bodyZh: `${why.zh}。活动已确认，是否调整或取消请工作人员决定。`,
      bodyEn: `${why.en}. The event is confirmed: decide whether to adjust or cancel it.`,
      link: `/events/${event.id}`,
    }, `event-demand:${event.id}:${shortageId}:${gone?.status ?? 'deleted'}`);
    return sent > 0;
  }

  private async staffOf(stationId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.txHost.tx.query(
      `SELECT ss.user_id AS "userId" FROM station_staff ss JOIN app_user u ON u.id = ss.user_id WHERE ss.station_id = $1 AND NOT u.disabled`,
      [stationId],
    );
    return rows.map((r) => r.userId);
  }
}

function describe(gone: GoneShortage[]): { zh: string; en: string } {
  const zh = gone.map((s) => `“${s.title || '岗位'}”${GONE_ZH[s.status] ?? '已删除'}`).join('；');
  const en = gone.map((s) => `a posting ${GONE_EN[s.status] ?? 'was removed'}`).join('; ');
  return { zh, en };
}
