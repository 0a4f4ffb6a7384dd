import { Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import type { Options as HttpOptions } from 'pino-http';
import { AppConfig } from '@app/config';
import { scrubPersonalData, scrubUrl } from './scrub';

/**
 * Fields of logged objects that may carry secrets or personal data. Request and response headers never reach the log
 * (the serializers below keep method, URL and status only), so no header path is needed.
 */
const REDACT_PATHS = [
  '*.password',
  '*.residentId',
  '*.phone',
  '*.bankAccount',
  '*.accessToken',
];

/** Where logs go when not stdout: a provider of this token (tests use it to read every line). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** JSON logs with pino; secrets redacted by path and ID/phone numbers scrubbed from every message. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) => ({
        pinoHttp: withDestination(destination, {
          level: config.LOG_LEVEL,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          // URLs can carry query strings; scrub them like messages.
          // The request line and the status only: no headers (they carry the bearer token and cookies, and copying and
          // redacting them was a visible share of a signed-in request's CPU in the B14 profile).
          serializers: {
            req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: scrubUrl(req.url) }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          hooks: {
            logMethod(args: unknown[], method: (...a: unknown[]) => void) {
              method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubPersonalData(arg) : arg)));
            },
          },
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' },
        }),
      }),
    }),
  ],
})
export class LoggingModule {}

function withDestination(destination: DestinationStream | undefined, options: HttpOptions): Params['pinoHttp'] {
  return destination ? [options, destination] : options;
}
