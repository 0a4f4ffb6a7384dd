import { Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '@app/identifiers';

/** SMS templates (Chinese; the gateway's signature 【海南公共就业服务】 is part of the text). */
export const SMS_TEMPLATES = {
  EVENT_INVITATION: '【海南公共就业服务】{name}您好，诚邀您参加{time}在{station}举办的“{title}”招聘活动。确认或谢绝请打开：{link}（{expires}前有效）',
  EMPLOYER_INVITATION: '【海南公共就业服务】{name}：诚邀贵单位参加{time}在{station}举办的“{title}”招聘活动并设展位。确认或谢绝请打开：{link}',
  EVENT_CANCELLED: '【海南公共就业服务】{name}您好，原定{time}在{station}举办的“{title}”招聘活动已取消，给您带来不便敬请谅解。',
  EVENT_MOVED: '【海南公共就业服务】{name}您好，“{title}”招聘活动调整为{time}在{station}举办，请按新的时间和地点参加。',
  NEW_APPLICATION: '【海南公共就业服务】{name}：贵单位发布的岗位“{title}”收到一份新的求职投递，请登录平台查看。',
  EVENT_REMINDER: '【海南公共就业服务】{name}您好，您报名的“{title}”将于明天{time}在{station}举行，请携带入场二维码准时参加。',
  SIGN_IN_CODE: '【海南公共就业服务】您的登录验证码为{code}，{minutes}分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。',
  PLAN_REPORT_DUE: '【海南公共就业服务】{name}：{reporter}{period}岗位开发和方案实施情况报告请于{deadline}前报送（{when}）。',
  PLAN_REPORT_OVERDUE: '【海南公共就业服务】{name}：{reporter}{period}岗位开发和方案实施情况报告已超过截止日期{deadline}，请尽快报送。',
  PLAN_SLOW_NOTICE: '【海南公共就业服务】{name}：{reporter}{period}岗位开发计划有{count}项指标完成率低于时序进度，请加快推进。',
  PASSWORD_RESET_CODE: '【海南公共就业服务】您正在重置登录密码，验证码为{code}，{minutes}分钟内有效。如非本人操作，请忽略本短信。',
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

export interface SmsMessage {
  /** Mobile number; never logged. */
  to: string;
  template: SmsTemplate;
  params: Record<string, string>;
}

export function renderSms(message: Pick<SmsMessage, 'template' | 'params'>): string {
  return SMS_TEMPLATES[message.template].replace(/\{(\w+)\}/g, (_, name: string) => message.params[name] ?? '');
}

/** The notification port's SMS side. Adapters: LoggingSmsSender (development), WebhookSmsSender (a gateway). */
export abstract class SmsSender {
  abstract send(message: SmsMessage): Promise<void>;
}

/** A message the offline adapter kept instead of sending it. */
export interface KeptSms {
  to: string;
  template: SmsTemplate;
  text: string;
  at: Date;
}

/**
 * The offline adapter (SMS_SENDER=log, the default): sends nothing and writes one log line with the masked number
 * and the template, never the number, name, link or code. It keeps the last OUTBOX_SIZE messages in memory (its
 * outbox, never written anywhere), so a developer's console and the tests can read a sign-in code that was "sent".
 */
@Injectable()
export class LoggingSmsSender extends SmsSender {
  static readonly OUTBOX_SIZE = 200;
  private readonly logger = new Logger('SmsSender');
  private readonly kept: KeptSms[] = [];

  async send(message: SmsMessage): Promise<void> {
    const text = renderSms(message);
    this.kept.push({ to: message.to, template: message.template, text, at: new Date() });
    if (this.kept.length > LoggingSmsSender.OUTBOX_SIZE) this.kept.shift();
    this.logger.log(`SMS ${message.template} to ${maskPhone(message.to)} (${text.length} characters, not sent: SMS_SENDER=log)`);
  }

  /** The messages kept for a number, oldest first. */
  outbox(to?: string): readonly KeptSms[] {
    return to === undefined ? [...this.kept] : this.kept.filter((message) => message.to === to);
  }
}

/** The adapter SMS_SENDER chooses. */
export function createSmsSender(config: { SMS_SENDER: 'log' | 'webhook'; SMS_WEBHOOK_URL?: string }): SmsSender {
  return config.SMS_SENDER === 'webhook' ? new WebhookSmsSender(config.SMS_WEBHOOK_URL!) : new LoggingSmsSender();
}

/** POSTs { to, template, text } as JSON to SMS_WEBHOOK_URL; a non-2xx answer is an error (the job retries). */
export class WebhookSmsSender extends SmsSender {
  private readonly logger = new Logger('SmsSender');

  constructor(private readonly url: string) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: message.to, template: message.template, text: renderSms(message) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status} for ${message.template}`);
    this.logger.log(`SMS ${message.template} to ${maskPhone(message.to)} handed to the gateway`);
  }
}
