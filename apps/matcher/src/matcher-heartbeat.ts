import { rename, rm, writeFile } from 'node:fs/promises';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { QUEUES } from '@app/queue';
import { DomainEventsProcessor } from './domain-events.processor';

/** How often the matcher proves it is alive; the container health check allows several missed beats. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

/**
 * The matcher has no HTTP port, so its container health check reads a file instead (apps/matcher/src/healthcheck.ts):
 * every HEARTBEAT_INTERVAL_MS, while PostgreSQL and Redis answer and the domain-events worker runs, the time is
 * written to MATCHER_HEARTBEAT_FILE. A stuck or disconnected worker stops beating and turns unhealthy.
 * Off when MATCHER_HEARTBEAT_FILE is unset (development, tests).
 */
@Injectable()
export class MatcherHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MatcherHeartbeat');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.domainEvents) private readonly queue: Queue,
    private readonly domainEvents: DomainEventsProcessor,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.MATCHER_HEARTBEAT_FILE) return;
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Writes the heartbeat when everything answers; returns whether it did. */
  async beat(): Promise<boolean> {
    const file = this.config.MATCHER_HEARTBEAT_FILE;
    if (!file) return false;
    try {
      await this.dataSource.query('SELECT 1');
      await this.queue.getJobCounts('waiting'); // a Redis round trip
      if (!this.domainEvents.worker?.isRunning()) throw new Error('the domain-events worker is not running');
      await writeFile(`${file}.tmp`, String(Date.now()));
      await rename(`${file}.tmp`, file);
      return true;
    } catch (error) {
      this.logger.warn(`no heartbeat: ${(error as Error).message}`);
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (this.config.MATCHER_HEARTBEAT_FILE) await rm(this.config.MATCHER_HEARTBEAT_FILE, { force: true });
  }
}
