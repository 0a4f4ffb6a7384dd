import { stat } from 'node:fs/promises';

/** A heartbeat older than this is a dead matcher (it beats every 10 s). No imports beyond node: the health check loads fast. */
export const HEARTBEAT_MAX_AGE_MS = 60_000;

/** Whether the heartbeat file was written within `maxAgeMs` (false when it is missing). */
export async function heartbeatIsFresh(file: string, maxAgeMs = HEARTBEAT_MAX_AGE_MS, now = Date.now()): Promise<boolean> {
  try {
    return now - (await stat(file)).mtimeMs <= maxAgeMs;
  } catch {
    return false;
  }
}
