import { Global, Module, Type } from '@nestjs/common';
import { Writable } from 'node:stream';
import { LOG_DESTINATION } from '@app/logging';

export interface CapturedLogs {
  /** Every log line the app writes, in order, as it is written. */
  readonly lines: string[];
  /** Put this first in createTestApp's feature list: it sends the app's log to `lines`. */
  readonly module: Type<unknown>;
}

/** Captures the running app's log lines (through LOG_DESTINATION) so a test can read what was logged. */
export function captureLogs(): CapturedLogs {
  const lines: string[] = [];

  @Global()
  @Module({
    providers: [
      {
        provide: LOG_DESTINATION,
        useValue: new Writable({
          write(chunk, _encoding, done) {
            lines.push(...String(chunk).split('\n').filter(Boolean));
            done();
          },
        }),
      },
    ],
    exports: [LOG_DESTINATION],
  })
  class CapturedLogsModule {}

  return { lines, module: CapturedLogsModule };
}
