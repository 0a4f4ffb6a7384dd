import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@app/crypto';
import { ApplicationNoticesService } from '@app/seeker-pool';
import { SmsSender } from './sms-sender';

/**
 * The SMS side of `application.changed`: an employer that opted in (employer.smsOnApplication) gets one SMS on its
 * contact phone per new application, through the SMS port. It names the posting, never the applicant; it is sent once
 * (the application keeps when; claimed before sending, released when the sender fails), and not at all once the application has moved on or was withdrawn.
 */
@Injectable()
export class ApplicationSmsService {
  constructor(
    private readonly notices: ApplicationNoticesService,
    private readonly sms: SmsSender,
    private readonly cipher: FieldCipher,
  ) {}

  /** Whether an SMS was handed to the sender. */
  async deliver(applicationId: string): Promise<boolean> {
    const due = await this.notices.claimEmployerSms(applicationId);
    if (!due) return false;
    try {
      await this.sms.send({ to: this.cipher.decrypt(due.phoneEncrypted), template: 'NEW_APPLICATION', params: { name: due.employerName, title: due.title } });
    } catch (error) {
      // Not sent: the retry of this job sends it.
      await this.notices.releaseEmployerSms(applicationId);
      throw error;
    }
    return true;
  }
}
