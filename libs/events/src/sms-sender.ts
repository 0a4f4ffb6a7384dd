// The SMS port lives in @app/notifications (sign-in codes use it too); events keep importing it from here.
export { LoggingSmsSender, renderSms, SMS_TEMPLATES, SmsSender, WebhookSmsSender } from '@app/notifications';
export type { SmsMessage, SmsTemplate } from '@app/notifications';
