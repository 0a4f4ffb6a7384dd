import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { FlowProducer, Queue } from 'bullmq';
import { QUEUES } from './queue-names';

/** How long shutdown waits for a queue's Redis connection to finish opening or to fail. */
const OPENING_WAIT_MS = 5_000;

/**
 * Keeps BullMQ's connection errors from crashing the process:
 * - every queue and the flow producer get an `error` listener (a Redis outage is logged; ioredis reconnects and the
 *   outbox redrives what a lost connection dropped);
 * - shutdown waits until their connections have finished opening. BullMQ closes a connection that is still opening by
 *   disconnecting it, and its own pending start-up then emits "Connection is closed" (or the last connection error) on
 *   an emitter whose listeners the close already removed: an uncaught error in an app closed right after it started (a
 *   CLI command, a short test) or closed while Redis is down; connections that never open are closed by closeUnopened.
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
    const ready = new Set<Queue | FlowProducer>();
    // Each connection either opens or reports an error (Redis unreachable: no use waiting for it).
    const settled = this.emitters.map(
      (emitter) =>
        new Promise<void>((resolve) => {
          (emitter as unknown as NodeJS.EventEmitter).once('error', () => resolve());
          emitter.waitUntilReady().then(() => ready.add(emitter), () => undefined).finally(resolve);
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(settled), new Promise((resolve) => (timer = setTimeout(resolve, OPENING_WAIT_MS)))]);
    clearTimeout(timer);
    await Promise.all(this.emitters.filter((emitter) => !ready.has(emitter)).map((emitter) => closeUnopened(emitter)));
  }
}

/**
 * Closes a queue whose connection never opened (Redis down or silent). BullMQ's close removes every listener of the
 * connection, yet the abandoned start-up later reports its failure (the last connection error) on that connection when
 * the socket ends: without a listener that is an uncaught error. A no-op listener, added back right after the close and
 * before any socket event can arrive, absorbs it; the failure was already logged through the queue's `error` event.
 */
async function closeUnopened(emitter: Queue | FlowProducer): Promise<void> {
  await emitter.close();
  (emitter as unknown as { connection: NodeJS.EventEmitter }).connection.on('error', () => undefined);
}
