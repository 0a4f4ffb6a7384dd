import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { shanghaiDisplay } from '@app/clock';
import { AppConfig } from '@app/config';
import { FieldCipher } from '@app/crypto';
import { OutboxService } from '@app/database';
import { AppError } from '@app/errors';
import { NotificationsService } from '@app/notifications';
import { SeekerDirectory, SeekerEventReads } from '@app/seeker-pool';
import { IsNull } from 'typeorm';
import { EventAttendee } from './event-attendee.entity';
import { EventEmployer } from './event-employer.entity';
import { EVENT_STATUS_ZH, INVITABLE_EVENT_STATUSES } from './event-lifecycle';
import { EventTokens } from './event-tokens';
import { EventsService } from './events.service';
import { RecruitmentEvent } from './recruitment-event.entity';
import { SmsSender } from './sms-sender';
import { Station } from './station.entity';

export interface InvitationsSent {
  seekersInvited: number;
  employersInvited: number;
}

export interface InvitationListItem {
  kind: 'seeker' | 'employer';
  id: string;
  name: string;
  status: string;
  invitedAt: Date | null;
  expiresAt: Date | null;
  respondedAt: Date | null;
  shortageId: string | null;
  score: number | null;
  priorityGroup: boolean | null;
}

/** Where the web app answers an invitation; the token in it is signed, expiring and carries no personal data. */
export const invitationLink = (eventId: string, token: string) => `/events/${eventId}/invitation?token=${encodeURIComponent(token)}`;

/**
 * Invitations to an event's employers and seekers through the notification port: the in-app inbox always (in
 * the request's transaction), SMS afterwards from the outbox (`event.invitations_sent`), so a slow or failing
 * gateway never holds a request and a retried job sends each message once.
 */
@Injectable()
export class EventInvitationsService {
  private readonly logger = new Logger(EventInvitationsService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventsService,
    private readonly tokens: EventTokens,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly sms: SmsSender,
    private readonly seekerEvents: SeekerEventReads,
    private readonly seekers: SeekerDirectory,
  ) {}

  /** Sends the invitations not yet sent (planned invitees, plus `seekerIds` added now) and the employers' invitations. */
  async send(principal: Principal, eventId: string, seekerIds: string[] = []): Promise<InvitationsSent> {
    const event = await this.events.findManageable(principal, eventId);
    if (!INVITABLE_EVENT_STATUSES.includes(event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_NOT_INVITABLE', { status: event.status, statusZh: EVENT_STATUS_ZH[event.status] });
    }
    if (seekerIds.length) {
      // Only seekers in the caller's scope (station staff: on their events or in their region); another id answers 404.
      await this.seekers.assertAllVisible(principal, seekerIds);
      await this.events.addInvitees(event.id, seekerIds);
    }
    const station = await this.txHost.tx.getRepository(Station).findOneByOrFail({ id: event.stationId });
    const now = new Date();
    const expiresAt = new Date(Math.min(now.getTime() + this.config.EVENT_INVITATION_TTL_HOURS * 3600_000, event.startsAt.getTime()));
    const when = shanghaiDisplay(event.startsAt);

    const pending = await this.txHost.tx.getRepository(EventAttendee).findBy({ eventId, status: 'invited', invitedAt: IsNull() });
    const seekerUsers: { id: string; seekerId: string }[] = pending.length
      ? await this.txHost.tx.query(`SELECT id, seeker_id AS "seekerId" FROM app_user WHERE seeker_id = ANY($1) AND NOT disabled`, [pending.map((a) => a.seekerId)])
      : [];
    for (const attendee of pending) {
      attendee.invitedAt = now;
      attendee.invitationExpiresAt = expiresAt;
      await this.txHost.tx.getRepository(EventAttendee).save(attendee);
      const token = this.tokens.sign('i', attendee.id, expiresAt);
      const users = seekerUsers.filter((u) => u.seekerId === attendee.seekerId).map((u) => u.id);
      await this.notifications.notify(
        users,
        {
          kind: 'event_invitation',
          titleZh: `招聘活动邀请：${event.title}`,
          titleEn: `Invitation: ${event.title}`,
          bodyZh: `诚邀您参加${when}在${station.name}（${station.address}）举办的“${event.title}”。请在${shanghaiDisplay(expiresAt)}前确认或谢绝。`,
          bodyEn: `You are invited to "${event.title}" at ${station.name} on ${when} (Asia/Shanghai). Please answer before ${shanghaiDisplay(expiresAt)}.`,
          link: invitationLink(event.id, token),
        },
        `event-invitation:${attendee.id}`,
      );
    }

    const employers = await this.txHost.tx.getRepository(EventEmployer).findBy({ eventId, invitationStatus: 'pending' });
    for (const row of employers) {
      row.invitationStatus = 'invited';
      row.invitedAt = now;
      await this.txHost.tx.getRepository(EventEmployer).save(row);
      const users: { id: string }[] = await this.txHost.tx.query(`SELECT id FROM app_user WHERE employer_id = $1 AND NOT disabled`, [row.employerId]);
      const token = this.tokens.sign('e', `${event.id}:${row.employerId}`, event.startsAt);
      await this.notifications.notify(
        users.map((u) => u.id),
        {
          kind: 'event_employer_invitation',
          titleZh: `招聘活动参会邀请：${event.title}`,
          titleEn: `Invitation to recruit: ${event.title}`,
          bodyZh: `诚邀贵单位参加${when}在${station.name}举办的“${event.title}”并设展位${row.booth ? `（${row.booth}号展位）` : ''}，现场对接求职者。`,
          bodyEn: `Your company is invited to recruit at "${event.title}", ${station.name}, ${when} (Asia/Shanghai)${row.booth ? `, booth ${row.booth}` : ''}.`,
          link: invitationLink(event.id, token),
        },
        `event-employer-invitation:${event.id}`,
      );
    }
    if (pending.length || employers.length) await this.outbox.record('event.invitations_sent', event.id);
    return { seekersInvited: pending.length, employersInvited: employers.length };
  }

  async list(principal: Principal, eventId: string): Promise<InvitationListItem[]> {
    const event = await this.events.findVisible(principal, eventId);
    if (principal.role !== 'admin' && principal.role !== 'station_staff' && principal.role !== 'officer') throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const invited: (Omit<InvitationListItem, 'name'> & { seekerId: string })[] = await this.txHost.tx.query(
      `SELECT 'seeker' AS kind, a.id, a.seeker_id AS "seekerId", a.status, a.invited_at AS "invitedAt", a.invitation_expires_at AS "expiresAt",
              a.responded_at AS "respondedAt", a.shortage_id AS "shortageId", a.score, a.priority_group AS "priorityGroup"
       FROM event_attendee a WHERE a.event_id = $1 AND a.source = 'invitation'`,
      [event.id],
    );
    const names = await this.seekerEvents.namesOf(invited.map((i) => i.seekerId));
    const seekers: InvitationListItem[] = invited
      .map(({ seekerId, ...item }) => ({ ...item, name: names.get(seekerId) ?? '' }))
      .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
    const employers: InvitationListItem[] = await this.txHost.tx.query(
      `SELECT 'employer' AS kind, ee.employer_id AS id, em.name, ee.invitation_status AS status, ee.invited_at AS "invitedAt",
              NULL::timestamptz AS "expiresAt", ee.responded_at AS "respondedAt", NULL::uuid AS "shortageId", NULL::float AS score, NULL::boolean AS "priorityGroup"
       FROM event_employer ee JOIN employer em ON em.id = ee.employer_id WHERE ee.event_id = $1 ORDER BY em.name`,
      [event.id],
    );
    return [...employers, ...seekers];
  }

  /** The SMS side of sent invitations (a job from the outbox). Each message is marked sent as it goes, so a retry skips it. */
  async deliverSms(eventId: string): Promise<number> {
    const event = await this.txHost.tx.getRepository(RecruitmentEvent).findOneBy({ id: eventId });
    if (!event || !INVITABLE_EVENT_STATUSES.includes(event.status)) return 0;
    const station = await this.txHost.tx.getRepository(Station).findOneByOrFail({ id: event.stationId });
    const params = { time: shanghaiDisplay(event.startsAt), station: station.name, title: event.title };
    let sent = 0;
    const seekers: { id: string; seekerId: string; expiresAt: Date }[] = await this.txHost.tx.query(
      `SELECT a.id, a.seeker_id AS "seekerId", a.invitation_expires_at AS "expiresAt" FROM event_attendee a
       WHERE a.event_id = $1 AND a.status = 'invited' AND a.invited_at IS NOT NULL AND a.sms_sent_at IS NULL`,
      [eventId],
    );
    const contacts = await this.seekerEvents.contactsOf(seekers.map((s) => s.seekerId));
    for (const row of seekers) {
      const contact = contacts.get(row.seekerId);
      if (contact?.phoneEncrypted) {
        const link = invitationLink(eventId, this.tokens.sign('i', row.id, new Date(row.expiresAt)));
        await this.sms.send({
          to: this.cipher.decrypt(contact.phoneEncrypted), template: 'EVENT_INVITATION',
          params: { ...params, name: contact.name, link, expires: shanghaiDisplay(new Date(row.expiresAt)) },
        });
        sent += 1;
      }
      await this.txHost.tx.query(`UPDATE event_attendee SET sms_sent_at = now() WHERE id = $1`, [row.id]);
    }
    const employers: { employerId: string; name: string; phone: string | null }[] = await this.txHost.tx.query(
      `SELECT ee.employer_id AS "employerId", em.name, em.contact_phone_encrypted AS phone FROM event_employer ee JOIN employer em ON em.id = ee.employer_id
       WHERE ee.event_id = $1 AND ee.invitation_status = 'invited' AND ee.sms_sent_at IS NULL`,
      [eventId],
    );
    for (const row of employers) {
      if (row.phone) {
        const link = invitationLink(eventId, this.tokens.sign('e', `${eventId}:${row.employerId}`, event.startsAt));
        await this.sms.send({ to: this.cipher.decrypt(row.phone), template: 'EMPLOYER_INVITATION', params: { ...params, name: row.name, link } });
        sent += 1;
      }
      await this.txHost.tx.query(`UPDATE event_employer SET sms_sent_at = now() WHERE event_id = $1 AND employer_id = $2`, [eventId, row.employerId]);
    }
    if (sent) this.logger.log(`event ${eventId}: ${sent} invitation SMS handed to the sender`);
    return sent;
  }
}
