import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { FlowProducer, Queue } from 'bullmq';
import { QUEUES } from './queue-names';

/** How long shutdown waits for a queue's Redis connection to finish opening (none opens during an outage). */
const OPENING_WAIT_MS = 5_000;

/**
 * Keeps BullMQ's connection errors from crashing the process:
 * - every queue and the flow producer get an `error` listener (a Redis outage is logged; ioredis reconnects and the
 *   outbox redrives what a lost connection dropped);
 * - shutdown waits until their connections have finished opening. BullMQ closes a connection that is still opening by
 *   disconnecting it, and its own pending start-up then emits "Connection is closed" on an emitter whose listeners the
 *   close already removed: an uncaught error in an app closed right after it started (a CLI command, a short test).
 */
@Injectable()
export class QueueConnections implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private readonly emitters: (Queue | FlowProducer)[];

  constructor(
    @InjectQueue(QUEUES.domainEvents) domainEvents: Queue,
    @InjectQueue(QUEUES.imports) imports: Queue,
    @InjectQueue(QUEUES.maintenance) maintenance: Queue,
    @InjectQueue(QUEUES.matching) matching: Queue,
    @InjectFlowProducer(QUEUES.matching) flows: FlowProducer,
  ) {
    this.emitters = [domainEvents, imports, maintenance, matching, flows];
  }

  onModuleInit(): void {
    for (const emitter of this.emitters) {
      const name = emitter instanceof Queue ? `queue ${emitter.name}` : 'flow producer';
      // Both types declare `on` with their own event maps; `error` carries an Error on both.
      (emitter as unknown as NodeJS.EventEmitter).on('error', (error: Error) => this.logger.warn(`${name}: ${error.message}`));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const opened = Promise.allSettled(this.emitters.map((emitter) => emitter.waitUntilReady()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([opened, new Promise((resolve) => (timer = setTimeout(resolve, OPENING_WAIT_MS)))]);
    clearTimeout(timer);
  }
}
