import { Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import type { Options as HttpOptions } from 'pino-http';
import { AppConfig } from '@app/config';
import { scrubPersonalData, scrubUrl } from './scrub';

/** Paths that may carry secrets or personal data in request logs. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
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
          serializers: {
            req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: scrubUrl(req.url) }),
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
