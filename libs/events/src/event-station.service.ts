import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { addDays, Clock, shanghaiClock, shanghaiInstant } from '@app/clock';
import { AppConfig } from '@app/config';
import { OutboxService } from '@app/database';
import { NotificationsService } from '@app/notifications';
import { SEAT_STATUSES } from './event-attendee.entity';
import { ACTIVE_EVENT_STATUSES } from './event-lifecycle';
import { epochDay, PlanningReason, weekStart } from './planning';
import { RecruitmentEvent } from './recruitment-event.entity';
import { Station, stationOpenOn } from './station.entity';

export interface StationFollowUp {
  /** Events moved to another day (registrants and invitees told through `event.changed`). */
  moved: string[];
  /** Events with fewer places: planned invitees beyond the new capacity removed. */
  trimmed: string[];
  /** Events with no open day left within the search: withdrawn (proposals) or cancelled, with the reason. */
  withdrawn: string[];
}

/** Days searched for a new date after the old one. */
const SEARCH_DAYS = 28;

/**
 * A station's change re-plans its upcoming events. On the `station.changed` outbox row (written with a change of
 * capacity, booths, open weekdays or closure): an event on a day the station no longer opens moves to its next open
 * day without another event and within the weekly limit (else it is withdrawn, or cancelled when already accepted or
 * published); an event with more places than the station now has keeps the places already taken and loses the
 * planned invitees not yet told, lowest scores first. Invitees and registrants of a moved or cancelled event are
 * told by `event.changed`; the station's staff are told what changed. Idempotent: a repeated job finds nothing to do.
 */
@Injectable()
export class EventStationService {
  private readonly logger = new Logger(EventStationService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async followStation(stationId: string): Promise<StationFollowUp> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const result: StationFollowUp = { moved: [], trimmed: [], withdrawn: [] };
      const station = await tx.getRepository(Station).findOneBy({ id: stationId });
      if (!station) return result;
      const today = this.clock.today();
      const events = await tx
        .getRepository(RecruitmentEvent)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.station_id = :stationId AND e.status IN (:...statuses) AND e.date > :today', { stationId, statuses: ACTIVE_EVENT_STATUSES, today })
        .orderBy('e.date')
        .addOrderBy('e.id')
        .getMany();
      const taken = new Set(events.map((e) => e.date));
      for (const event of events) {
        if (event.capacity > station.capacity && (await this.trim(event, station.capacity))) result.trimmed.push(event.id);
        if (stationOpenOn(station, event.date)) continue;
        taken.delete(event.date);
        const date = this.nextOpenDay(station, event.date, taken);
        if (date) {
          taken.add(date);
          await this.move(event, date);
          result.moved.push(event.id);
        } else {
          await this.withdraw(event, station);
          result.withdrawn.push(event.id);
        }
      }
      const changed = result.moved.length + result.trimmed.length + result.withdrawn.length;
      if (changed) {
        this.logger.log(`station ${stationId} changed: ${result.moved.length} events moved, ${result.trimmed.length} trimmed, ${result.withdrawn.length} withdrawn`);
        await this.notifications.notify(
          await this.staffOf(stationId),
          {
            kind: 'event_station_changed',
            titleZh: `驿站信息变更，${changed} 场招聘活动已调整`,
            titleEn: `The station changed: ${changed} events adjusted`,
            bodyZh: `改期 ${result.moved.length} 场，缩减名额 ${result.trimmed.length} 场，撤回或取消 ${result.withdrawn.length} 场；已报名和已受邀的求职者会收到通知。`,
            bodyEn: `${result.moved.length} moved, ${result.trimmed.length} with fewer places, ${result.withdrawn.length} withdrawn or cancelled; registrants and invitees are told.`,
            link: '/events',
          },
          `event-station:${stationId}:${station.updatedAt.toISOString()}`,
        );
      }
      return result;
    });
  }

  /** The first day after `from` the station opens, holds no other event and has room in its week. */
  private nextOpenDay(station: Station, from: string, taken: Set<string>): string | null {
    for (let d = 1; d <= SEARCH_DAYS; d++) {
      const date = addDays(from, d);
      if (!stationOpenOn(station, date) || taken.has(date)) continue;
      const week = weekStart(epochDay(date));
      const inWeek = [...taken].filter((t) => weekStart(epochDay(t)) === week).length;
      if (inWeek < this.config.EVENT_MAX_PER_STATION_WEEK) return date;
    }
    return null;
  }

  private async move(event: RecruitmentEvent, date: string): Promise<void> {
    const reason: PlanningReason = {
      code: 'STATION_CHANGED',
      zh: `驿站开放日或闭馆安排变更，活动由 ${event.date} 改至 ${date}`,
      en: `The station's open days or closure changed: moved from ${event.date} to ${date}`,
    };
    await this.txHost.tx.query(
      `UPDATE recruitment_event SET date = $2, starts_at = $3, ends_at = $4, reasons = $5::jsonb, updated_at = now() WHERE id = $1`,
      [
        event.id, date, shanghaiInstant(date, shanghaiClock(event.startsAt)), shanghaiInstant(date, shanghaiClock(event.endsAt)),
        JSON.stringify([...event.reasons.filter((r) => r.code !== 'STATION_CHANGED'), reason]),
      ],
    );
    if (event.status !== 'proposed') await this.outbox.record('event.changed', event.id);
  }

  private async withdraw(event: RecruitmentEvent, station: Station): Promise<void> {
    const reason = station.closedFrom && event.date >= station.closedFrom ? `驿站自 ${station.closedFrom} 起闭馆` : '驿站不再在该日开放';
    await this.txHost.tx.query(
      `UPDATE recruitment_event SET status = 'cancelled', rejection_reason = $2, decided_at = now(), updated_at = now() WHERE id = $1`,
      [event.id, `${reason}，${SEARCH_DAYS} 天内没有可改期的开放日`],
    );
    if (event.status !== 'proposed') await this.outbox.record('event.changed', event.id);
  }

  /** Keeps the places taken; removes planned invitees not yet told, lowest scores first, down to the new capacity. */
  private async trim(event: RecruitmentEvent, capacity: number): Promise<boolean> {
    const tx = this.txHost.tx;
    const [{ seats }]: { seats: number }[] = await tx.query(`SELECT count(*)::int AS seats FROM event_attendee WHERE event_id = $1 AND status = ANY($2)`, [
      event.id, SEAT_STATUSES,
    ]);
    const places = Math.max(capacity, seats);
    await tx.query(
      `DELETE FROM event_attendee WHERE id IN (
         SELECT id FROM event_attendee WHERE event_id = $1 AND status = 'invited' AND invited_at IS NULL
         ORDER BY score ASC NULLS FIRST, id
         LIMIT GREATEST(0, (SELECT count(*) FROM event_attendee WHERE event_id = $1 AND (status = ANY($3) OR invited_at IS NOT NULL OR status = 'invited')) - $2))`,
      [event.id, places, SEAT_STATUSES],
    );
    await tx.query(`UPDATE recruitment_event SET capacity = $2, updated_at = now() WHERE id = $1`, [event.id, places]);
    return true;
  }

  private async staffOf(stationId: string): Promise<string[]> {
    const rows: { userId: string }[] = await this.txHost.tx.query(
      `SELECT ss.user_id AS "userId" FROM station_staff ss JOIN app_user u ON u.id = ss.user_id WHERE ss.station_id = $1 AND NOT u.disabled`,
      [stationId],
    );
    return rows.map((r) => r.userId);
  }
}
