import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { addDays, Clock, shanghaiClock, shanghaiDate } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { NotificationsService } from '@app/notifications';
import { SeekerEventReads } from '@app/seeker-pool';
import { SmsSender } from './sms-sender';

/** The day-before reminder to registered seekers: in-app always, SMS when there is a number. Once per registrant. */
@Injectable()
export class EventRemindersService {
  private readonly logger = new Logger(EventRemindersService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsSender,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly seekerEvents: SeekerEventReads,
  ) {}

  async sendDayBefore(now: Date = this.clock.now()): Promise<number> {
    const tomorrow = addDays(shanghaiDate(now), 1);
    const events: { id: string }[] = await this.txHost.tx.query(
      `SELECT id FROM recruitment_event WHERE date = $1::date AND status IN ('accepted', 'published') ORDER BY id`,
      [tomorrow],
    );
    let reminded = 0;
    for (const { id } of events) reminded += await this.txHost.withTransaction(() => this.remind(id));
    if (reminded) this.logger.log(`reminded ${reminded} registrants of ${events.length} events tomorrow`);
    return reminded;
  }

  private async remind(eventId: string): Promise<number> {
    const tx = this.txHost.tx;
    const [event] = await tx.query(
      `SELECT e.id, e.title, e.starts_at AS "startsAt", st.name AS station FROM recruitment_event e JOIN station st ON st.id = e.station_id WHERE e.id = $1 FOR UPDATE OF e`,
      [eventId],
    );
    const attendees: { id: string; seekerId: string }[] = await tx.query(
      `SELECT a.id, a.seeker_id AS "seekerId" FROM event_attendee a WHERE a.event_id = $1 AND a.status = 'registered' AND a.reminder_sent_at IS NULL`,
      [eventId],
    );
    const contacts = await this.seekerEvents.contactsOf(attendees.map((a) => a.seekerId));
    const time = shanghaiClock(new Date(event.startsAt));
    for (const attendee of attendees) {
      const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE seeker_id = $1 AND NOT disabled`, [attendee.seekerId]);
      await this.notifications.notify(
        users.map((u) => u.id),
        {
          kind: 'event_reminder',
          titleZh: `活动提醒：明天 ${time} ${event.title}`,
          titleEn: `Reminder: "${event.title}" tomorrow at ${time}`,
          bodyZh: `您报名的“${event.title}”将于明天 ${time} 在${event.station}举行，请携带入场二维码准时参加。`,
          bodyEn: `"${event.title}" is tomorrow at ${time} (Asia/Shanghai) at ${event.station}. Bring your QR ticket.`,
          link: `/events/${eventId}`,
        },
        `event-reminder:${attendee.id}`,
      );
      const contact = contacts.get(attendee.seekerId);
      if (contact?.phoneEncrypted) {
        await this.sms.send({ to: this.cipher.decrypt(contact.phoneEncrypted), template: 'EVENT_REMINDER', params: { name: contact.name, title: event.title, time, station: event.station } });
      }
      await tx.query(`UPDATE event_attendee SET reminder_sent_at = now() WHERE id = $1`, [attendee.id]);
    }
    await tx.query(`UPDATE recruitment_event SET reminder_sent_at = now() WHERE id = $1`, [eventId]);
    return attendees.length;
  }
}
