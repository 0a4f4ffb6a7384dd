import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { NotificationsService } from '@app/notifications';
import { Application, ApplicationStatus } from './application.entity';

const STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已投递', viewed: '已查看', interview: '邀请面试', offer: '拟录用', hired: '已录用', rejected: '未通过', withdrawn: '已撤回',
};
const STATUS_EN: Record<ApplicationStatus, string> = {
  applied: 'applied', viewed: 'viewed', interview: 'invited to interview', offer: 'offered', hired: 'hired', rejected: 'not successful', withdrawn: 'withdrawn',
};

/** An SMS the employer asked for about a new application: where it goes and what it names (no applicant data). */
export interface EmployerApplicationSms {
  applicationId: string;
  phoneEncrypted: string;
  employerName: string;
  title: string;
}

export type ApplicationNotice = 'new_application' | 'status_to_seeker' | 'withdrawn_to_employer';

/**
 * Follow-up of `application.changed` (in-app, through the notification port): a new application tells the employer's
 * accounts; a step taken by the employer side tells the seeker; a withdrawal tells the employer. Reads the application
 * as it is now and notifies its latest step once (the step's position in the history is the dedupe key), so a
 * redelivered job sends nothing twice and several quick steps end in one notice of where the application stands.
 */
@Injectable()
export class ApplicationNoticesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
  ) {}

  /** Which notice was sent (null when none was due or it was sent before). */
  async noticeChange(applicationId: string): Promise<ApplicationNotice | null> {
    const tx = this.txHost.tx;
    const application = await tx.getRepository(Application).findOne({ where: { id: applicationId }, relations: { shortage: true } });
    if (!application?.shortage || application.history.length === 0) return null;
    const step = application.history.length - 1;
    const status = application.history[step].status;
    const { title, employerId } = application.shortage;
    const dedupe = `application:${application.id}:${step}`;
    const link = `/api/applications/${application.id}`;

    if (step === 0 || status === 'withdrawn') {
      const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE employer_id = $1 AND NOT disabled`, [employerId]);
      const fresh = status !== 'withdrawn';
      const sent = await this.notifications.notify(
        users.map((u) => u.id),
        fresh
          ? { kind: 'application_received', titleZh: `收到新的投递：${title}`, titleEn: `New application: "${title}"`, bodyZh: `岗位“${title}”收到一份新的求职投递，请及时查看。`, bodyEn: `The position "${title}" has a new application.`, link }
          : { kind: 'application_withdrawn', titleZh: `投递已撤回：${title}`, titleEn: `Application withdrawn: "${title}"`, bodyZh: `岗位“${title}”的一份投递已被求职者撤回。`, bodyEn: `An application to "${title}" was withdrawn by the job seeker.`, link },
        dedupe,
      );
      return sent ? (fresh ? 'new_application' : 'withdrawn_to_employer') : null;
    }
    const users: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE seeker_id = $1 AND NOT disabled`, [application.seekerId]);
    const sent = await this.notifications.notify(
      users.map((u) => u.id),
      {
        kind: 'application_status',
        titleZh: `投递进展：${title}（${STATUS_ZH[status]}）`,
        titleEn: `Your application to "${title}": ${STATUS_EN[status]}`,
        bodyZh: `您投递的岗位“${title}”状态更新为：${STATUS_ZH[status]}。`,
        bodyEn: `Your application to "${title}" is now: ${STATUS_EN[status]}.`,
        link,
      },
      dedupe,
    );
    return sent ? 'status_to_seeker' : null;
  }

  /**
   * The employer's SMS about a new application, when one is due: the employer opted in (smsOnApplication) and has a
   * contact phone, the application is still only applied, and no SMS went out for it yet. Claims it (one atomic
   * update), so two deliveries of the same job never both send; `releaseEmployerSms` gives it back when sending failed.
   */
  async claimEmployerSms(applicationId: string): Promise<EmployerApplicationSms | null> {
    const application = await this.txHost.tx
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.shortage', 's')
      .innerJoinAndSelect('s.employer', 'e')
      .where('a.id = :applicationId', { applicationId })
      .getOne();
    const employer = application?.shortage?.employer;
    if (!application || !employer || application.employerSmsAt || application.status !== 'applied') return null;
    if (!employer.smsOnApplication || !employer.contactPhoneEncrypted) return null;
    const claimed = await this.txHost.tx
      .getRepository(Application)
      .createQueryBuilder()
      .update()
      .set({ employerSmsAt: () => 'now()' })
      .where('id = :applicationId AND employer_sms_at IS NULL', { applicationId })
      .execute();
    if (!claimed.affected) return null;
    return { applicationId, phoneEncrypted: employer.contactPhoneEncrypted, employerName: employer.name, title: application.shortage!.title };
  }

  async releaseEmployerSms(applicationId: string): Promise<void> {
    await this.txHost.tx.getRepository(Application).update(applicationId, { employerSmsAt: null });
  }
}
