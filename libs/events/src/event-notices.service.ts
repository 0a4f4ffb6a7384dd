import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { shanghaiDisplay } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { NotificationMessage, NotificationsService } from '@app/notifications';
import { SeekerEventReads } from '@app/seeker-pool';
import { RecruitmentEvent } from './recruitment-event.entity';
import { SmsSender, SmsTemplate } from './sms-sender';
import { Station } from './station.entity';
import { venueOf } from './stations.service';

interface Notice {
  /** Stored on each attendee once told, so a redelivered job tells nobody twice. */
  key: string;
  template: SmsTemplate;
  message: NotificationMessage;
}

/**
 * Tells the people an event concerns that it was cancelled or moved: invitees whose invitation went out and
 * registrants (in-app and SMS), and the invited employers' accounts (in-app). Runs from the outbox after the change
 * commits; it reads the event as it is now, so a cancellation that overtakes a move is the only news sent.
 */
@Injectable()
export class EventNoticesService {
  private readonly logger = new Logger(EventNoticesService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsSender,
    private readonly cipher: FieldCipher,
    private readonly seekerEvents: SeekerEventReads,
  ) {}

  async noticeChange(eventId: string): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const event = await tx.getRepository(RecruitmentEvent).findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
      if (!event) return 0;
      const station = await tx.getRepository(Station).findOneByOrFail({ id: event.stationId });
      const notice = noticeOf(event, station);
      if (!notice) return 0;

      const attendees: { id: string; seekerId: string }[] = await tx.query(
        `SELECT a.id, a.seeker_id AS "seekerId" FROM event_attendee a
         WHERE a.event_id = $1 AND (a.status = 'registered' OR (a.status = 'invited' AND a.invited_at IS NOT NULL))
           AND a.last_notice IS DISTINCT FROM $2`,
        [eventId, notice.key],
      );
      const contacts = await this.seekerEvents.contactsOf(attendees.map((a) => a.seekerId));
      for (const attendee of attendees) {
        const contact = contacts.get(attendee.seekerId);
        const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE seeker_id = $1 AND NOT disabled`, [attendee.seekerId]);
        await this.notifications.notify(users.map((u) => u.id), notice.message, `event-notice:${attendee.id}:${notice.key}`);
        if (contact?.phoneEncrypted) {
          const params = { name: contact.name, title: event.title, time: shanghaiDisplay(event.startsAt), station: notice.key === 'cancelled' ? station.name : `${station.name}，${station.address}` };
          await this.sms.send({ to: this.cipher.decrypt(contact.phoneEncrypted), template: notice.template, params });
        }
        await tx.query(`UPDATE event_attendee SET last_notice = $2 WHERE id = $1`, [attendee.id, notice.key]);
      }

      const employerUsers: { id: string }[] = await tx.query(
        `SELECT u.id FROM event_employer ee JOIN app_user u ON u.employer_id = ee.employer_id
         WHERE ee.event_id = $1 AND ee.invitation_status IN ('invited', 'accepted') AND NOT u.disabled`,
        [eventId],
      );
      await this.notifications.notify(employerUsers.map((u) => u.id), notice.message, `event-notice:${eventId}:${notice.key}`);
      if (attendees.length) this.logger.log(`event ${eventId}: ${notice.key.split(':')[0]} notice to ${attendees.length} seekers`);
      return attendees.length;
    });
  }
}

function noticeOf(event: RecruitmentEvent, station: Station): Notice | null {
  const time = shanghaiDisplay(event.startsAt);
  const link = `/events/${event.id}`;
  if (event.status === 'cancelled') {
    return {
      key: 'cancelled',
      template: 'EVENT_CANCELLED',
      message: {
        kind: 'event_cancelled',
        titleZh: `活动取消：${event.title}`,
        titleEn: `Cancelled: "${event.title}"`,
        bodyZh: `原定${time}在${station.name}举办的“${event.title}”已取消${event.rejectionReason ? `（原因：${event.rejectionReason}）` : ''}。给您带来不便，敬请谅解。`,
        bodyEn: `"${event.title}", planned for ${time} (Asia/Shanghai) at ${station.name}, is cancelled${event.rejectionReason ? ` (reason: ${event.rejectionReason})` : ''}.`,
        link,
      },
    };
  }
  if (event.status !== 'accepted' && event.status !== 'published') return null;
  // The time and the venue (a station's address can move) make the key: either changing is news, a repeat is not.
  const venue = createHash('sha256').update(venueOf(station)).digest('hex').slice(0, 12);
  return {
    key: `moved:${event.startsAt.toISOString()}:${venue}`,
    template: 'EVENT_MOVED',
    message: {
      kind: 'event_moved',
      titleZh: `活动时间或地点调整：${event.title}`,
      titleEn: `New time or place: "${event.title}"`,
      bodyZh: `“${event.title}”调整为${time}在${station.name}（${station.address}）举办。请按新的时间和地点参加。`,
      bodyEn: `"${event.title}" now takes place at ${time} (Asia/Shanghai), at ${station.name} (${station.address}).`,
      link,
    },
  };
}
