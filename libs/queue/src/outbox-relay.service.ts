import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { OutboxEvent } from '@app/database';
import { DomainEventJob, domainEventJobId, QUEUES, TOPIC_QUEUES } from './queue-names';

const BATCH_SIZE = 500;
const IDLE_POLL_MS = 500;

/**
 * Moves outbox rows to BullMQ, each to its topic's queue (TOPIC_QUEUES). Rows are claimed with SKIP LOCKED so several relays can run, enqueued with
 * deterministic job ids (a row sent twice becomes one job), and marked sent only after Redis accepted them:
 * a crash between the two re-sends the row, never loses it. A row sent but not processed within
 * OUTBOX_REDELIVER_SECONDS is sent again, so jobs lost with a Redis restart are recreated.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.domainEvents) private readonly domainEvents: Queue<DomainEventJob>,
    @InjectQueue(QUEUES.imports) private readonly imports: Queue<DomainEventJob>,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Relays one batch; returns how many rows were sent. */
  async relayBatch(): Promise<number> {
    return this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      const rows: OutboxEvent[] = await manager
        .getRepository(OutboxEvent)
        .createQueryBuilder('o')
        .where('o.sent_at IS NULL')
        .orWhere(`o.processed_at IS NULL AND o.sent_at < now() - make_interval(secs => :redeliver)`, {
          redeliver: this.config.OUTBOX_REDELIVER_SECONDS,
        })
        .orderBy('o.id')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const queues = { [QUEUES.domainEvents]: this.domainEvents, [QUEUES.imports]: this.imports };
      for (const [name, queue] of Object.entries(queues)) {
        // A row of a topic the contract does not know (written by an older version) goes to domain-events and fails
        // there, visibly, in the dead-letter list.
        const mine = rows.filter((row) => (TOPIC_QUEUES[row.topic as DomainEventJob['topic']] ?? QUEUES.domainEvents) === name);
        if (mine.length === 0) continue;
        await queue.addBulk(
          mine.map((row) => ({
            name: row.topic,
            data: { outboxId: row.id, topic: row.topic, aggregateId: row.aggregateId } as DomainEventJob,
            opts: { jobId: domainEventJobId(row.id) },
          })),
        );
      }
      await manager.update(OutboxEvent, rows.map((row) => row.id), { sentAt: new Date() });
      return rows.length;
    });
  }

  /** Called when a job completed: its outbox row needs no more deliveries. */
  async acknowledge(outboxId: string): Promise<void> {
    await this.dataSource.getRepository(OutboxEvent).update(outboxId, { processedAt: new Date() });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const sent = await this.relayBatch();
        if (sent < BATCH_SIZE) await sleep(IDLE_POLL_MS);
      } catch (error) {
        this.logger.warn(`outbox relay failed, retrying: ${(error as Error).message}`);
        await sleep(IDLE_POLL_MS * 4);
      }
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
