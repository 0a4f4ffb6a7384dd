import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { shanghaiClock } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { AppError } from '@app/errors';
import { SeekerDirectory, SeekerReads } from '@app/seeker-pool';
import { EventAttendee } from './event-attendee.entity';
import { ATTENDEE_STATUS_ZH, EVENT_STATUS_ZH } from './event-lifecycle';
import { EventRegistrationsService } from './event-registrations.service';
import { EventTokens } from './event-tokens';
import { EventsService } from './events.service';
import { RecruitmentEvent } from './recruitment-event.entity';

/** One of: a scanned ticket, an attendee picked from the desk list, a phone number told at the desk, or a walk-in's seeker id. */
export interface CheckInInput {
  ticket?: string;
  attendeeId?: string;
  phone?: string;
  /** A seeker (registered at the desk first with POST /api/seekers when new) checked in on the spot. */
  seekerId?: string;
}

export interface CheckInResult {
  attendee: EventAttendee;
  seekerName: string;
  walkIn: boolean;
}

/** Check-in at the event: by QR ticket, by desk lookup, or a walk-in registered on the spot. */
@Injectable()
export class EventCheckinsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventsService,
    private readonly registrations: EventRegistrationsService,
    private readonly tokens: EventTokens,
    private readonly cipher: FieldCipher,
    private readonly seekers: SeekerDirectory,
    private readonly seekerReads: SeekerReads,
  ) {}

  async checkIn(principal: Principal, eventId: string, input: CheckInInput): Promise<CheckInResult> {
    const given = [input.ticket, input.attendeeId, input.phone, input.seekerId].filter((v) => v !== undefined && v !== null && v !== '');
    if (given.length !== 1) throw new AppError(HttpStatus.BAD_REQUEST, 'CHECKIN_TARGET_REQUIRED');
    // The ticket is checked before anything else, so a forged or expired one never reaches the data.
    const ticketAttendee = input.ticket !== undefined ? this.tokens.verify(input.ticket, 't').subject : null;
    const event = await this.events.findManageable(principal, eventId);
    if (!['accepted', 'published'].includes(event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_NOT_ONGOING', { status: event.status, statusZh: EVENT_STATUS_ZH[event.status] });
    }

    let attendee: EventAttendee | null = null;
    let walkIn = false;
    if (ticketAttendee) {
      attendee = await this.attendees.findOneBy({ id: ticketAttendee });
      if (!attendee) throw new AppError(HttpStatus.BAD_REQUEST, 'TICKET_INVALID');
      if (attendee.eventId !== eventId) throw new AppError(HttpStatus.BAD_REQUEST, 'TICKET_WRONG_EVENT');
    } else if (input.attendeeId) {
      attendee = await this.attendees.findOneBy({ id: input.attendeeId, eventId });
      if (!attendee) throw new AppError(HttpStatus.NOT_FOUND, 'ATTENDEE_NOT_FOUND');
    } else if (input.phone) {
      const seekerId = await this.seekerReads.idByPhoneHash(this.cipher.blindIndex(input.phone.trim()));
      attendee = seekerId ? await this.attendees.findOneBy({ eventId, seekerId }) : null;
      if (!attendee) throw new AppError(HttpStatus.NOT_FOUND, 'ATTENDEE_NOT_FOUND');
    } else {
      // A walk-in by id: only a seeker in the caller's scope (station staff: on their events or in their region); else 404.
      const seeker = await this.seekers.getVisible(principal, input.seekerId!);
      attendee = await this.attendees.findOneBy({ eventId, seekerId: seeker.id });
      if (!attendee) {
        await this.registrations.assertPlace(event);
        const created = await this.registrations.seat(event, seeker, null, 'walk_in', 'attended');
        created.checkedInBy = principal.userId;
        return { attendee: await this.attendees.save(created), seekerName: seeker.name, walkIn: true };
      }
      walkIn = attendee.source === 'walk_in';
    }
    return { attendee: await this.admit(principal, event, attendee), seekerName: await this.nameOf(attendee.seekerId), walkIn };
  }

  /** Marks an attendee attended; the event row is locked, so two desks scanning the same ticket admit it once. */
  private async admit(principal: Principal, event: RecruitmentEvent, found: EventAttendee): Promise<EventAttendee> {
    const attendee = await this.attendees.findOneByOrFail({ id: found.id });
    if (attendee.status === 'attended') {
      throw new AppError(HttpStatus.CONFLICT, 'ALREADY_CHECKED_IN', { time: attendee.checkedInAt ? shanghaiClock(attendee.checkedInAt) : '' });
    }
    if (attendee.status === 'declined' || attendee.status === 'no_show' || (attendee.status === 'invited' && !attendee.invitedAt)) {
      throw new AppError(HttpStatus.CONFLICT, 'ATTENDEE_NOT_ADMITTED', { status: attendee.status, statusZh: ATTENDEE_STATUS_ZH[attendee.status] });
    }
    // An invitee who never answered, or who had excused themselves, takes a place now.
    if (attendee.status !== 'registered') await this.registrations.assertPlace(event);
    attendee.status = 'attended';
    attendee.checkedInAt = new Date();
    attendee.checkedInBy = principal.userId;
    attendee.registeredAt ??= attendee.checkedInAt;
    return this.attendees.save(attendee);
  }

  private async nameOf(seekerId: string): Promise<string> {
    return (await this.seekerReads.nameOf(seekerId)) ?? '';
  }

  private get attendees() {
    return this.txHost.tx.getRepository(EventAttendee);
  }
}
