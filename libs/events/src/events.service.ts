import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets, DataSource } from 'typeorm';
import { eventScope, eventScopeCondition, mayManageEvents, Principal, stationScope, stationScopeCondition } from '@app/auth';
import { addDays, shanghaiClock, shanghaiDate, shanghaiInstant, shanghaiIso } from '@app/clock';
import { Employer, isLive, liveShortageSql, Shortage } from '@app/employer-demand';
import { isUniqueViolation, namedQuery, OutboxService } from '@app/database';
import { AppError, OutOfScopeError } from '@app/errors';
import { countsAsPriority, SeekerDirectory, SeekerReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { AttendeeStatus, EventAttendee, SEAT_STATUSES } from './event-attendee.entity';
import { EmployerInvitationStatus, EventEmployer } from './event-employer.entity';
import {
  ACTIVE_EVENT_STATUSES, actionPast, EDITABLE_EVENT_STATUSES, EVENT_ACTION_ZH, EVENT_STATUS_ZH, EventAction, eventTarget, mayApply,
} from './event-lifecycle';
import { EventStatus, EventType, RecruitmentEvent } from './recruitment-event.entity';
import { Station } from './station.entity';
import { publicEventDescription } from './event-description';
import type { EventKind } from './planning';

export interface EventFilter {
  offset: number;
  limit: number;
  stationId?: string;
  status?: EventStatus;
  from?: string;
  to?: string;
  /** Occupation family (minor group, '4-10-01'): events offering it. */
  family?: string;
  /** date (soonest first, the default) or expectedAttendance (most first). */
  sort?: EventSort;
}

export const EVENT_SORTS = ['date', 'expectedAttendance'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** A job on offer at an event, as seekers read it. */
export interface EventJobView {
  shortageId: string;
  employerId: string;
  employerName: string;
  title: string;
  occupationCode: string;
  /** Positions still open. */
  openHeadcount: number;
  wageMin: number;
  wageMax: number;
  payBasis: string;
}

/** A published event still to come, as job search shows it beside a job it recruits for. */
export interface UpcomingEventOfJob {
  id: string;
  title: string;
  type: EventType;
  date: string;
  /** Asia/Shanghai, e.g. 2026-12-10T09:00:00+08:00. */
  startsAt: string;
  stationName: string;
}

export interface EventEmployerInput {
  employerId: string;
  booth?: string | null;
  shortageIds?: string[];
}

export interface EventInput {
  stationId: string;
  title: string;
  type: EventType;
  date: string;
  startTime: string;
  endTime: string;
  capacity?: number;
  occupationFamily?: string | null;
  description?: string;
  streamUrl?: string | null;
  employers?: EventEmployerInput[];
}

export interface EventChanges {
  title?: string;
  type?: EventType;
  date?: string;
  startTime?: string;
  endTime?: string;
  capacity?: number;
  description?: string;
  streamUrl?: string | null;
  employers?: EventEmployerInput[];
  addInvitees?: string[];
  removeInvitees?: string[];
}

export interface EventEmployerView {
  employerId: string;
  name: string;
  booth: string | null;
  shortageIds: string[];
  invitationStatus: EmployerInvitationStatus;
}

/** An event with what every reader needs next to it. */
export interface EventView {
  event: RecruitmentEvent;
  station: Pick<Station, 'id' | 'name' | 'type' | 'regionCode' | 'address' | 'lat' | 'lng'>;
  employers: EventEmployerView[];
  /** Registered and attended: the places taken. */
  seatsTaken: number;
  /** Invitations sent and planned invitees not yet sent. */
  invitees: number;
  /** Planned invitees not yet sent: the messages sending invitations would send them (besides the employers'). */
  unsentInvitations: number;
  /** The open jobs the event's employers recruit for there. */
  jobs: EventJobView[];
  /** For a seeker reading it: where they stand (invited, registered …), or null when not on the event. */
  myStatus?: AttendeeStatus | null;
}

/** Monday of an ISO date's week (weeks run Monday to Sunday, as the stations plan them). */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

const DEFAULT_START = '09:00';
const DEFAULT_END = '12:00';

/** Recruitment events: the station staff workflow (accept, edit, reject, create, publish) and what each role may read. */
@Injectable()
export class EventsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly seekers: SeekerDirectory,
    private readonly seekerReads: SeekerReads,
    private readonly taxonomy: Taxonomy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(principal: Principal, filter: EventFilter): Promise<[EventView[], number]> {
    const qb = this.visibleTo(principal);
    if (filter.sort === 'expectedAttendance') qb.orderBy('e.expectedAttendance', 'DESC').addOrderBy('e.date', 'ASC');
    else qb.orderBy('e.date', 'ASC').addOrderBy('e.startsAt', 'ASC');
    qb.addOrderBy('e.id').skip(filter.offset).take(filter.limit);
    if (filter.family) qb.andWhere(':family = ANY(e.occupation_families)', { family: filter.family });
    if (filter.stationId) qb.andWhere('e.station_id = :stationId', { stationId: filter.stationId });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.from) qb.andWhere('e.date >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.date <= :to', { to: filter.to });
    const [events, total] = await qb.getManyAndCount();
    return [await this.views(events, principal.seekerId), total];
  }

  /** An event the caller may see; 404 otherwise (audited as denied when it exists). */
  async findVisible(principal: Principal, id: string): Promise<RecruitmentEvent> {
    const event = await this.visibleTo(principal).andWhere('e.id = :id', { id }).getOne();
    if (event) return event;
    throw (await this.repository.existsBy({ id })) ? new OutOfScopeError('recruitment_event') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  /** An event the caller may change (admins and the station's own staff), locked for the rest of the transaction. */
  async findManageable(principal: Principal, id: string): Promise<RecruitmentEvent> {
    if (!mayManageEvents(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    await this.findVisible(principal, id);
    return this.lock(id);
  }

  /** Locks the event row (registrations and check-ins count places under this lock) and returns it fresh. */
  async lock(id: string): Promise<RecruitmentEvent> {
    await this.txHost.tx.query(`SELECT id FROM recruitment_event WHERE id = $1 FOR UPDATE`, [id]);
    return this.repository.findOneByOrFail({ id });
  }

  async get(principal: Principal, id: string): Promise<EventView> {
    const [view] = await this.views([await this.findVisible(principal, id)], principal.seekerId);
    return view;
  }

  async view(id: string): Promise<EventView> {
    const [view] = await this.views([await this.repository.findOneByOrFail({ id })]);
    return view;
  }

  /** An event created by hand: already accepted (scheduled), to be published when ready. */
  async create(principal: Principal, input: EventInput): Promise<EventView> {
    if (!mayManageEvents(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const station = await this.manageableStation(principal, input.stationId);
    const capacity = input.capacity ?? station.capacity;
    this.checkTimes(input.date, input.startTime, input.endTime);
    this.checkCapacity(capacity, station, 0);
    await this.checkClash(station.id, input.date, null);
    const event = await this.saveOnDay({
      stationId: station.id,
      title: input.title,
      type: input.type,
      status: 'accepted',
      origin: 'manual',
      date: input.date,
      startsAt: shanghaiInstant(input.date, input.startTime),
      endsAt: shanghaiInstant(input.date, input.endTime),
      occupationFamily: input.occupationFamily ?? null,
      capacity,
      description: input.description ?? '',
      streamUrl: input.streamUrl ?? null,
      createdBy: principal.userId,
      decidedBy: principal.userId,
      decidedAt: new Date(),
    });
    if (input.employers) await this.replaceEmployers(event, station, input.employers);
    return this.view(event.id);
  }

  /** Edits a proposal or an accepted event: date and times, employers (with booths and shortages), invitees, capacity. */
  async update(principal: Principal, id: string, changes: EventChanges): Promise<EventView> {
    const event = await this.findManageable(principal, id);
    if (changes.addInvitees?.length) await this.seekers.assertAllVisible(principal, changes.addInvitees);
    if (!EDITABLE_EVENT_STATUSES.includes(event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_NOT_EDITABLE', { status: event.status, statusZh: EVENT_STATUS_ZH[event.status] });
    }
    const station = await this.txHost.tx.getRepository(Station).findOneByOrFail({ id: event.stationId });
    const date = changes.date ?? event.date;
    const startTime = changes.startTime ?? shanghaiClock(event.startsAt);
    const endTime = changes.endTime ?? shanghaiClock(event.endsAt);
    if (changes.date || changes.startTime || changes.endTime) {
      this.checkTimes(date, startTime, endTime);
      if (date !== event.date) await this.checkClash(station.id, date, event.id);
      const startsAt = shanghaiInstant(date, startTime);
      const endsAt = shanghaiInstant(date, endTime);
      // People already told of the old time hear of the new one (only those already invited or registered).
      if (startsAt.getTime() !== event.startsAt.getTime() || endsAt.getTime() !== event.endsAt.getTime()) await this.outbox.record('event.changed', event.id);
      Object.assign(event, { date, startsAt, endsAt });
    }
    if (changes.capacity !== undefined) {
      this.checkCapacity(changes.capacity, station, await this.seatsTaken(event.id));
      event.capacity = changes.capacity;
    }
    if (changes.title !== undefined) event.title = changes.title;
    if (changes.type !== undefined) event.type = changes.type;
    if (changes.description !== undefined) event.description = changes.description;
    if (changes.streamUrl !== undefined) event.streamUrl = changes.streamUrl;
    await this.saveOnDay(event);
    if (changes.employers) await this.replaceEmployers(event, station, changes.employers);
    if (changes.removeInvitees?.length) {
      await this.txHost.tx
        .createQueryBuilder()
        .delete()
        .from(EventAttendee)
        .where('event_id = :id AND seeker_id IN (:...ids) AND status = :invited', { id: event.id, ids: changes.removeInvitees, invited: 'invited' })
        .execute();
    }
    if (changes.addInvitees?.length) await this.addInvitees(event.id, changes.addInvitees);
    return this.view(event.id);
  }

  /** Adds planned invitees (not yet sent) for seekers who exist and are not yet on the event. */
  async addInvitees(eventId: string, seekerIds: string[]): Promise<number> {
    const unique = [...new Set(seekerIds)];
    const found = await this.seekerReads.priorityFacts(unique);
    if (found.length < unique.length) {
      const missing = unique.find((id) => !found.some((s) => s.id === id))!;
      throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'seeker', id: missing });
    }
    const result = await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(EventAttendee)
      .values(found.map((s) => ({ eventId, seekerId: s.id, status: 'invited' as const, source: 'invitation' as const, priorityGroup: countsAsPriority(s) })))
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }

  async transition(principal: Principal, id: string, action: EventAction, reason?: string): Promise<EventView> {
    const event = await this.findManageable(principal, id);
    if (!mayApply(action, event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_TRANSITION_NOT_ALLOWED', {
        from: event.status, fromZh: EVENT_STATUS_ZH[event.status], action: actionPast(action), actionZh: EVENT_ACTION_ZH[action],
      });
    }
    const to = eventTarget(action);
    if (action === 'accept') await this.checkClash(event.stationId, event.date, event.id, ['accepted', 'published']);
    event.status = to;
    if (action === 'accept' || action === 'reject') {
      event.decidedBy = principal.userId;
      event.decidedAt = new Date();
    }
    if (action === 'reject' || action === 'cancel') event.rejectionReason = reason ?? null;
    if (action === 'cancel') await this.outbox.record('event.changed', event.id);
    if (action === 'publish') event.publishedAt = new Date();
    await this.saveOnDay(event);
    if (action === 'complete') {
      await this.txHost.tx.query(`UPDATE event_attendee SET status = 'no_show' WHERE event_id = $1 AND status = 'registered'`, [event.id]);
    }
    return this.view(event.id);
  }

  /** Rejects several proposals with one reason, all or none (each as `transition` would). */
  async rejectMany(principal: Principal, ids: string[], reason: string): Promise<EventView[]> {
    return this.txHost.withTransaction(async () => {
      const views: EventView[] = [];
      for (const id of [...new Set(ids)]) views.push(await this.transition(principal, id, 'reject', reason));
      return views;
    });
  }

  /**
   * Merges proposals of one week into one event and accepts it: the target (`intoId`, else the venue proposal
   * expecting the most people, then the earliest) keeps its station, day and times and takes the others'
   * employers (booths renumbered, shortages joined), occupation families and planned invitees; several families
   * at a venue make it a 综合招聘会. Its public description is written again from the jobs now on offer (the staff
   * edit it before publishing). The others are rejected with a reason naming the merged event. All or none.
   */
  async mergeAccept(principal: Principal, ids: string[], intoId?: string): Promise<{ merged: EventView; rejected: EventView[] }> {
    return this.txHost.withTransaction(async () => {
      const unique = [...new Set(intoId ? [intoId, ...ids] : ids)].sort();
      // Scope first (another station's proposal reads as missing), then the business rules.
      const events: RecruitmentEvent[] = [];
      for (const id of unique) events.push(await this.findManageable(principal, id));
      if (events.length < 2) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_MERGE_TOO_FEW');
      for (const e of events) {
        if (e.status !== 'proposed') {
          throw new AppError(HttpStatus.CONFLICT, 'EVENT_MERGE_NOT_PROPOSED', { title: e.title, status: e.status, statusZh: EVENT_STATUS_ZH[e.status] });
        }
      }
      const target =
        events.find((e) => e.id === intoId) ??
        [...events].sort((a, b) => Number(b.type !== 'live_stream') - Number(a.type !== 'live_stream') || b.expectedAttendance - a.expectedAttendance || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
      const week = mondayOf(target.date);
      const other = events.find((e) => mondayOf(e.date) !== week);
      if (other) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_MERGE_OTHER_WEEK', { title: other.title, date: other.date });
      const parts = events.filter((e) => e.id !== target.id);
      const station = await this.txHost.tx.getRepository(Station).findOneByOrFail({ id: target.stationId });

      // Employers: the target's booths first, then the others' in their order; shortages joined per employer.
      const rows = await this.txHost.tx.getRepository(EventEmployer).find({ where: events.map((e) => ({ eventId: e.id })) });
      const order = [target, ...parts].map((e) => e.id);
      rows.sort((a, b) => order.indexOf(a.eventId) - order.indexOf(b.eventId) || Number(a.booth ?? 1e9) - Number(b.booth ?? 1e9));
      const employers = new Map<string, string[]>();
      for (const row of rows) employers.set(row.employerId, [...new Set([...(employers.get(row.employerId) ?? []), ...row.shortageIds])]);
      if (target.type !== 'live_stream' && employers.size > station.booths) {
        throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_TOO_MANY_EMPLOYERS', { count: employers.size, booths: station.booths });
      }
      await this.txHost.tx.getRepository(EventEmployer).delete({ eventId: target.id });
      let booth = 0;
      for (const [employerId, shortageIds] of employers) {
        booth += 1;
        await this.txHost.tx.getRepository(EventEmployer).save({ eventId: target.id, employerId, booth: String(booth), shortageIds, invitationStatus: 'pending' });
      }
      // Planned invitees move over (a seeker on two of them once), as many as the place holds.
      await this.txHost.tx.query(
        `INSERT INTO event_attendee (event_id, seeker_id, shortage_id, score, priority_group, status, source)
         SELECT $1, a.seeker_id, a.shortage_id, a.score, a.priority_group, 'invited', 'invitation'
         FROM event_attendee a WHERE a.event_id = ANY($2) AND a.status = 'invited' AND a.invited_at IS NULL
         ORDER BY a.score DESC NULLS LAST, a.seeker_id
         LIMIT greatest($3 - (SELECT count(*) FROM event_attendee WHERE event_id = $1), 0)
         ON CONFLICT DO NOTHING`,
        [target.id, parts.map((e) => e.id), target.capacity],
      );
      await this.txHost.tx.query(`DELETE FROM event_attendee WHERE event_id = ANY($1) AND status = 'invited' AND invited_at IS NULL`, [parts.map((e) => e.id)]);

      const families = [...new Set(events.flatMap((e) => (e.occupationFamilies.length ? e.occupationFamilies : e.occupationFamily ? [e.occupationFamily] : [])))].sort();
      const kind: EventKind = target.type === 'live_stream' ? 'live_stream' : families.length > 1 ? 'general_fair' : 'specialised_fair';
      const labels = families.map((f) => this.taxonomy.occupation(f)?.name ?? f);
      const expected = events.reduce((n, e) => n + e.expectedAttendance, 0);
      Object.assign(target, {
        title: kind === 'general_fair' ? '综合招聘会' : target.title,
        occupationFamily: families[0] ?? target.occupationFamily,
        occupationFamilies: families,
        expectedAttendance: target.type === 'live_stream' ? expected : Math.min(expected, target.capacity),
        headcountAddressed: events.reduce((n, e) => n + e.headcountAddressed, 0),
        reasons: [
          ...target.reasons,
          {
            code: 'MERGED_BY_STAFF',
            zh: `驿站工作人员将本周 ${events.length} 场提议合并为一场${kind === 'general_fair' ? '综合招聘会' : '活动'}，涵盖${labels.join('、')}`,
            en: `Station staff merged ${events.length} proposals of the week into one ${kind === 'general_fair' ? 'general fair' : 'event'}: ${labels.join(', ')}`,
          },
        ],
      });
      await this.saveOnDay(target);
      const jobs = (await this.view(target.id)).jobs;
      target.description = publicEventDescription({
        kind,
        date: target.date,
        startTime: shanghaiClock(target.startsAt),
        endTime: shanghaiClock(target.endsAt),
        stationName: station.name,
        stationAddress: station.address,
        jobs: jobs.map((j) => ({ employerName: j.employerName, title: j.title, headcount: j.openHeadcount, wageMin: j.wageMin, wageMax: j.wageMax, payBasis: j.payBasis })),
      });
      await this.saveOnDay(target);
      const rejected: EventView[] = [];
      for (const part of parts) {
        rejected.push(await this.transition(principal, part.id, 'reject', `已合并入 ${target.date} ${target.title}（${station.name}）`));
      }
      const merged = await this.transition(principal, target.id, 'accept');
      return { merged, rejected };
    });
  }

  /**
   * The published events still to come that recruit for each of these shortages (soonest first, at most `perShortage`
   * each): what job search shows beside a job. Published events are public, so anyone searching may read this.
   * A named statement on the pool (prepared once per connection, outside any transaction: what is published is
   * committed): planning the three-table join was ~0.3 ms of PostgreSQL's CPU on every job search (B14).
   */
  async upcomingForShortages(shortageIds: string[], perShortage = 2): Promise<Map<string, UpcomingEventOfJob[]>> {
    const found = new Map<string, UpcomingEventOfJob[]>();
    if (shortageIds.length === 0) return found;
    const rows = await namedQuery<Omit<UpcomingEventOfJob, 'startsAt'> & { shortageId: string; startsAt: Date }>(
      this.dataSource,
      'events-upcoming-for-shortages',
      `SELECT s.id AS "shortageId", e.id, e.title, e.type, e.date::text AS date, e.starts_at AS "startsAt", st.name AS "stationName"
       FROM event_employer ee JOIN recruitment_event e ON e.id = ee.event_id JOIN station st ON st.id = e.station_id
       CROSS JOIN LATERAL unnest(ee.shortage_ids) AS s(id)
       WHERE ee.shortage_ids && $1::uuid[] AND s.id = ANY($1::uuid[]) AND e.status = 'published' AND e.date >= $2
       ORDER BY e.starts_at, e.id`,
      [shortageIds, shanghaiDate()],
    );
    for (const { shortageId, startsAt, ...rest } of rows) {
      const event = { ...rest, startsAt: shanghaiIso(startsAt) };
      const list = found.get(shortageId) ?? [];
      if (list.length < perShortage && !list.some((e) => e.id === event.id)) found.set(shortageId, [...list, event]);
    }
    return found;
  }

  async seatsTaken(eventId: string): Promise<number> {
    const [row] = await this.txHost.tx.query(`SELECT count(*)::int AS n FROM event_attendee WHERE event_id = $1 AND status = ANY($2)`, [eventId, SEAT_STATUSES]);
    return row.n;
  }

  private async manageableStation(principal: Principal, stationId: string): Promise<Station> {
    const scope = stationScopeCondition(stationScope(principal), 'st.id', 'st.region_code');
    const station = await this.txHost.tx
      .getRepository(Station)
      .createQueryBuilder('st')
      .where('st.id = :stationId', { stationId })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (station) return station;
    throw (await this.txHost.tx.getRepository(Station).existsBy({ id: stationId }))
      ? new OutOfScopeError('station')
      : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'station' });
  }

  private async replaceEmployers(event: RecruitmentEvent, station: Station, employers: EventEmployerInput[]): Promise<void> {
    const unique = new Map(employers.map((e) => [e.employerId, e]));
    if (unique.size > station.booths) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_TOO_MANY_EMPLOYERS', { count: unique.size, booths: station.booths });
    const existing = await this.txHost.tx.getRepository(EventEmployer).findBy({ eventId: event.id });
    for (const input of unique.values()) {
      if (!(await this.txHost.tx.getRepository(Employer).existsBy({ id: input.employerId }))) {
        throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'employer' });
      }
      for (const shortageId of input.shortageIds ?? []) {
        const shortage = await this.txHost.tx.getRepository(Shortage).findOneBy({ id: shortageId });
        if (!shortage || shortage.employerId !== input.employerId || !isLive(shortage.status)) {
          throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_SHORTAGE_NOT_OF_EMPLOYER', { shortageId });
        }
      }
    }
    const removed = existing.filter((e) => !unique.has(e.employerId)).map((e) => e.employerId);
    if (removed.length) await this.txHost.tx.getRepository(EventEmployer).delete(removed.map((employerId) => ({ eventId: event.id, employerId })));
    for (const input of unique.values()) {
      const before = existing.find((e) => e.employerId === input.employerId);
      await this.txHost.tx.getRepository(EventEmployer).save({
        eventId: event.id,
        employerId: input.employerId,
        booth: input.booth !== undefined ? input.booth : (before?.booth ?? null),
        shortageIds: input.shortageIds ?? before?.shortageIds ?? [],
        invitationStatus: before?.invitationStatus ?? 'pending',
      });
    }
  }

  private checkTimes(date: string, start: string, end: string): void {
    if (date < shanghaiDate()) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_DATE_PAST', { date });
    if (end <= start) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_TIME_INVALID', { start, end });
  }

  private checkCapacity(capacity: number, station: Station, registered: number): void {
    if (capacity > station.capacity) throw new AppError(HttpStatus.BAD_REQUEST, 'EVENT_CAPACITY_EXCEEDS_STATION', { capacity, stationCapacity: station.capacity });
    if (capacity < registered) throw new AppError(HttpStatus.CONFLICT, 'EVENT_CAPACITY_BELOW_REGISTERED', { registered });
  }

  /**
   * One event per station per day. The check and the write that follows run under a transaction-scoped advisory
   * lock on the station's day, so simultaneous requests are checked one after the other; the partial unique index
   * recruitment_event_station_day_key backs it for scheduled events (see saveOnDay).
   */
  private async checkClash(stationId: string, date: string, exceptId: string | null, statuses: readonly EventStatus[] = ACTIVE_EVENT_STATUSES): Promise<void> {
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`recruitment_event:${stationId}:${date}`]);
    const qb = this.repository
      .createQueryBuilder('e')
      .where('e.station_id = :stationId AND e.date = :date AND e.status IN (:...statuses)', { stationId, date, statuses });
    if (exceptId) qb.andWhere('e.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw new AppError(HttpStatus.CONFLICT, 'EVENT_DATE_CLASH', { date });
  }

  /** Saves an event; a second scheduled event on its station's day (a race the check did not see) is the same clash. */
  private async saveOnDay<T extends Partial<RecruitmentEvent> & Pick<RecruitmentEvent, 'date'>>(event: T): Promise<T & RecruitmentEvent> {
    try {
      return (await this.repository.save(event)) as T & RecruitmentEvent;
    } catch (error) {
      if (isUniqueViolation(error, 'recruitment_event_station_day_key')) throw new AppError(HttpStatus.CONFLICT, 'EVENT_DATE_CLASH', { date: event.date });
      throw error;
    }
  }

  private visibleTo(principal: Principal) {
    const scope = eventScopeCondition(eventScope(principal), { eventId: 'e.id', status: 'e.status', stationId: 'e.station_id', region: 'st.region_code' });
    return this.repository.createQueryBuilder('e').innerJoin('e.station', 'st').where(new Brackets((qb) => qb.where(scope.sql, scope.params)));
  }

  private async views(events: RecruitmentEvent[], seekerId?: string | null): Promise<EventView[]> {
    if (events.length === 0) return [];
    const ids = events.map((e) => e.id);
    const stations = await this.txHost.tx.getRepository(Station).findBy(events.map((e) => ({ id: e.stationId })));
    const employers: (EventEmployer & { name: string })[] = await this.txHost.tx.query(
      `SELECT ee.event_id AS "eventId", ee.employer_id AS "employerId", em.name, ee.booth, ee.shortage_ids AS "shortageIds",
              ee.invitation_status AS "invitationStatus"
       FROM event_employer ee JOIN employer em ON em.id = ee.employer_id WHERE ee.event_id = ANY($1) ORDER BY ee.booth NULLS LAST, em.name`,
      [ids],
    );
    const counts: { eventId: string; seats: number; invitees: number; unsent: number }[] = await this.txHost.tx.query(
      `SELECT event_id AS "eventId", count(*) FILTER (WHERE status = ANY($2))::int AS seats, count(*) FILTER (WHERE source = 'invitation')::int AS invitees,
              count(*) FILTER (WHERE status = 'invited' AND invited_at IS NULL)::int AS unsent
       FROM event_attendee WHERE event_id = ANY($1) GROUP BY event_id`,
      [ids, SEAT_STATUSES],
    );
    const jobs: (EventJobView & { eventId: string })[] = await this.txHost.tx.query(
      `SELECT ee.event_id AS "eventId", s.id AS "shortageId", s.employer_id AS "employerId", em.name AS "employerName", s.title, s.occupation_code AS "occupationCode",
              (s.headcount - s.filled_headcount)::int AS "openHeadcount", s.wage_min AS "wageMin", s.wage_max AS "wageMax", s.pay_basis AS "payBasis"
       FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) JOIN employer em ON em.id = s.employer_id
       WHERE ee.event_id = ANY($1) AND ${liveShortageSql('s')}
       ORDER BY em.name, s.title, s.id`,
      [ids],
    );
    const mine: { eventId: string; status: AttendeeStatus }[] = seekerId
      ? await this.txHost.tx.query(`SELECT event_id AS "eventId", status FROM event_attendee WHERE event_id = ANY($1) AND seeker_id = $2`, [ids, seekerId])
      : [];
    return events.map((event) => {
      const station = stations.find((s) => s.id === event.stationId)!;
      const count = counts.find((c) => c.eventId === event.id);
      return {
        event,
        station: { id: station.id, name: station.name, type: station.type, regionCode: station.regionCode, address: station.address, lat: station.lat, lng: station.lng },
        employers: employers
          .filter((e) => e.eventId === event.id)
          .map((e) => ({ employerId: e.employerId, name: e.name, booth: e.booth, shortageIds: e.shortageIds, invitationStatus: e.invitationStatus })),
        seatsTaken: count?.seats ?? 0,
        invitees: count?.invitees ?? 0,
        unsentInvitations: count?.unsent ?? 0,
        jobs: jobs.filter((j) => j.eventId === event.id).map(({ eventId: _, ...job }) => job),
        ...(seekerId ? { myStatus: mine.find((m) => m.eventId === event.id)?.status ?? null } : {}),
      };
    });
  }

  private get repository() {
    return this.txHost.tx.getRepository(RecruitmentEvent);
  }
}



export { DEFAULT_END, DEFAULT_START };
