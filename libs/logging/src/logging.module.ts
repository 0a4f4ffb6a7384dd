import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
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

export type BufferedLogDestination = ReturnType<typeof pino.destination>;

/**
 * Logs written in batches of up to 4 KB, at the latest a second after the line, at once after an error, and flushed
 * when the process exits. A write per request log line was ~10% of a signed-in read's CPU in the B14 profile (a system
 * call per line on this VM); pino recommends this buffering for production.
 */
export function bufferedLogDestination(dest: number | string = 1): BufferedLogDestination {
  return pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: 1000 });
}

const ERROR_LEVEL = pino.levels.values.error;

/**
 * pino-http's options and the stream they write to: secrets redacted by path, ID and phone numbers scrubbed from every
 * message, and a buffered destination flushed at once after an error line.
 */
export function pinoParams(level: string, destination: DestinationStream = bufferedLogDestination()): [HttpOptions, DestinationStream] {
  const flush = (destination as Partial<BufferedLogDestination>).flush?.bind(destination);
  const options: HttpOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // URLs can carry query strings; scrub them like messages.
    // The request line and the status only: no headers (they carry the bearer token and cookies, and copying and
    // redacting them was a visible share of a signed-in request's CPU in the B14 profile).
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: scrubUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    hooks: {
      logMethod(args: unknown[], method: (...a: unknown[]) => void, level: number) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubPersonalData(arg) : arg)));
        if (level >= ERROR_LEVEL) flush?.();
      },
    },
    autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' },
  };
  return [options, destination];
}

/** JSON logs with pino (pinoParams), to stdout or to a LOG_DESTINATION provider's stream. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) => ({ pinoHttp: pinoParams(config.LOG_LEVEL, destination) }),
    }),
  ],
})
export class LoggingModule {}
