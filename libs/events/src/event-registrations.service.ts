import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { mayManageEvents, Principal } from '@app/auth';
import { AppError } from '@app/errors';
import { countsAsPriority, SeekerReads, SeekerRegistrationFacts } from '@app/seeker-pool';
import { AttendeeSource, AttendeeStatus, EventAttendee, SEAT_STATUSES } from './event-attendee.entity';
import { EventEmployer } from './event-employer.entity';
import { ATTENDEE_STATUS_ZH, EVENT_STATUS_ZH } from './event-lifecycle';
import { EventTokens } from './event-tokens';
import { EventsService } from './events.service';
import { RecruitmentEvent } from './recruitment-event.entity';

export interface AttendeeView {
  attendee: EventAttendee;
  seekerName: string;
}

export interface RegistrationResult {
  attendee: EventAttendee;
  /** The entry ticket (a signed token with no personal data), for registrants. */
  ticket: string | null;
  created: boolean;
  seekerName: string;
}

export interface InvitationAnswer {
  kind: 'seeker' | 'employer';
  eventId: string;
  status: string;
  ticket: string | null;
}

/** How long a ticket stays valid after the event ends (late check-ins at the desk). */
const TICKET_GRACE_MS = 12 * 3600_000;

/**
 * Registration for events: seekers register themselves for published events, invitees answer by link, and the
 * event's places hold under concurrency (the event row is locked while places are counted).
 */
@Injectable()
export class EventRegistrationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventsService,
    private readonly tokens: EventTokens,
    private readonly seekerReads: SeekerReads,
  ) {}

  /** A seeker registers for a published event; registering again returns the existing registration. */
  async register(principal: Principal, eventId: string): Promise<RegistrationResult> {
    if (!principal.seekerId) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    await this.events.findVisible(principal, eventId);
    const event = await this.events.lock(eventId);
    if (event.status !== 'published') throw new AppError(HttpStatus.CONFLICT, 'EVENT_REGISTRATION_CLOSED');
    const existing = await this.attendees.findOneBy({ eventId, seekerId: principal.seekerId });
    const seeker = await this.seekerReads.registrationFacts(principal.seekerId);
    if (!seeker) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'seeker', id: principal.seekerId });
    if (existing && SEAT_STATUSES.includes(existing.status)) return { attendee: existing, ticket: this.ticketFor(existing, event), created: false, seekerName: seeker.name };
    await this.assertPlace(event);
    const attendee = await this.seat(event, seeker, existing, 'self', 'registered');
    return { attendee, ticket: this.ticketFor(attendee, event), created: true, seekerName: seeker.name };
  }

  /** Answers an invitation by its signed link token: a seeker registers or declines, an employer confirms or declines. */
  async answer(eventId: string, token: string, accept: boolean): Promise<InvitationAnswer> {
    if (typeof token === 'string' && token.startsWith('v1.e.')) return this.answerEmployer(eventId, token, accept);
    const { subject } = this.tokens.verify(token, 'i');
    const found = await this.attendees.findOneBy({ id: subject });
    if (!found || found.eventId !== eventId) throw new AppError(HttpStatus.BAD_REQUEST, 'INVITATION_INVALID');
    const event = await this.events.lock(eventId);
    const attendee = await this.attendees.findOneByOrFail({ id: subject });
    if (attendee.invitationExpiresAt && attendee.invitationExpiresAt.getTime() <= Date.now()) throw new AppError(HttpStatus.GONE, 'INVITATION_EXPIRED');
    if (!['accepted', 'published'].includes(event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_REGISTRATION_CLOSED', { status: event.status, statusZh: EVENT_STATUS_ZH[event.status] });
    }
    if (attendee.status !== 'invited') {
      throw new AppError(HttpStatus.CONFLICT, 'INVITATION_ANSWERED', { status: attendee.status, statusZh: ATTENDEE_STATUS_ZH[attendee.status] });
    }
    attendee.respondedAt = new Date();
    if (!accept) {
      attendee.status = 'declined';
      await this.attendees.save(attendee);
      return { kind: 'seeker', eventId, status: attendee.status, ticket: null };
    }
    await this.assertPlace(event);
    attendee.status = 'registered';
    attendee.registeredAt = new Date();
    await this.attendees.save(attendee);
    return { kind: 'seeker', eventId, status: attendee.status, ticket: this.ticketFor(attendee, event) };
  }

  private async answerEmployer(eventId: string, token: string, accept: boolean): Promise<InvitationAnswer> {
    const { subject } = this.tokens.verify(token, 'e');
    const [tokenEventId, employerId] = subject.split(':');
    if (tokenEventId !== eventId || !employerId) throw new AppError(HttpStatus.BAD_REQUEST, 'INVITATION_INVALID');
    const row = await this.txHost.tx.getRepository(EventEmployer).findOneBy({ eventId, employerId });
    if (!row) throw new AppError(HttpStatus.BAD_REQUEST, 'INVITATION_INVALID');
    if (row.invitationStatus === 'accepted' || row.invitationStatus === 'declined') {
      throw new AppError(HttpStatus.CONFLICT, 'INVITATION_ANSWERED', { status: row.invitationStatus, statusZh: row.invitationStatus === 'accepted' ? '已确认参加' : '已谢绝' });
    }
    row.invitationStatus = accept ? 'accepted' : 'declined';
    row.respondedAt = new Date();
    await this.txHost.tx.getRepository(EventEmployer).save(row);
    return { kind: 'employer', eventId, status: row.invitationStatus, ticket: null };
  }

  /** The caller's own registration with a fresh ticket (seekers). */
  async mine(principal: Principal, eventId: string): Promise<RegistrationResult> {
    await this.events.findVisible(principal, eventId);
    const attendee = principal.seekerId ? await this.attendees.findOneBy({ eventId, seekerId: principal.seekerId }) : null;
    if (!attendee || (attendee.status === 'invited' && !attendee.invitedAt)) throw new AppError(HttpStatus.NOT_FOUND, 'ATTENDEE_NOT_FOUND');
    const event = await this.txHost.tx.getRepository(RecruitmentEvent).findOneByOrFail({ id: eventId });
    const seekerName = (await this.seekerReads.nameOf(attendee.seekerId)) ?? '';
    return { attendee, ticket: this.ticketFor(attendee, event), created: false, seekerName };
  }

  /** A seeker withdraws: their place is freed and they count as excused. */
  async cancelOwn(principal: Principal, eventId: string): Promise<EventAttendee> {
    await this.events.findVisible(principal, eventId);
    await this.events.lock(eventId);
    const attendee = principal.seekerId ? await this.attendees.findOneBy({ eventId, seekerId: principal.seekerId }) : null;
    if (!attendee || attendee.status !== 'registered') throw new AppError(HttpStatus.NOT_FOUND, 'ATTENDEE_NOT_FOUND');
    attendee.status = 'excused';
    return this.attendees.save(attendee);
  }

  /** Staff and admins: every attendee; seekers: only themselves. `q` finds people by name at the desk. */
  async list(principal: Principal, eventId: string, filter: { offset: number; limit: number; status?: AttendeeStatus; q?: string }): Promise<[AttendeeView[], number]> {
    await this.events.findVisible(principal, eventId);
    const qb = this.attendees
      .createQueryBuilder('a')
      .innerJoin('a.seeker', 's')
      .addSelect('s.name')
      .where('a.event_id = :eventId', { eventId })
      .andWhere(`(a.status <> 'invited' OR a.invited_at IS NOT NULL OR :staff)`, { staff: mayManageEvents(principal) || principal.role === 'officer' })
      .orderBy('a.registeredAt', 'ASC', 'NULLS LAST')
      .addOrderBy('s.name')
      .addOrderBy('a.id')
      .skip(filter.offset)
      .take(filter.limit);
    if (principal.role === 'seeker') qb.andWhere('a.seeker_id = :self', { self: principal.seekerId });
    else if (principal.role === 'employer') qb.andWhere('FALSE');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.q) qb.andWhere('s.name LIKE :q', { q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [rows, total] = await qb.getManyAndCount();
    return [rows.map((attendee) => ({ attendee, seekerName: attendee.seeker?.name ?? '' })), total];
  }

  /** Refuses when every place is taken; call with the event row locked. */
  async assertPlace(event: RecruitmentEvent): Promise<void> {
    if ((await this.events.seatsTaken(event.id)) >= event.capacity) throw new AppError(HttpStatus.CONFLICT, 'EVENT_FULL', { capacity: event.capacity });
  }

  /** Gives a seeker a place (registered or, for walk-ins, attended); call with the event row locked and a place free. */
  async seat(event: RecruitmentEvent, seeker: SeekerRegistrationFacts, existing: EventAttendee | null, source: AttendeeSource, status: AttendeeStatus): Promise<EventAttendee> {
    const now = new Date();
    const attendee = existing ?? this.attendees.create({ eventId: event.id, seekerId: seeker.id, source, priorityGroup: countsAsPriority(seeker) });
    attendee.status = status;
    attendee.registeredAt ??= now;
    if (status === 'attended') attendee.checkedInAt = now;
    return this.attendees.save(attendee);
  }

  ticketFor(attendee: EventAttendee, event: RecruitmentEvent): string | null {
    if (!SEAT_STATUSES.includes(attendee.status)) return null;
    return this.tokens.sign('t', attendee.id, new Date(event.endsAt.getTime() + TICKET_GRACE_MS));
  }

  private get attendees() {
    return this.txHost.tx.getRepository(EventAttendee);
  }
}
