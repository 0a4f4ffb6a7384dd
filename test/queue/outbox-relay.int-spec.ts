import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxEvent, OutboxService } from '@app/database';
import { OutboxRelayService, QUEUES } from '@app/queue';
import { createTestApp, TestApp } from '@app/testing';
import { MatcherModule } from '../../apps/matcher/src/matcher.module';

describe('outbox relay', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    t = await createTestApp([MatcherModule]);
    dataSource = t.app.get(getDataSourceToken());
    queue = t.app.get(getQueueToken(QUEUES.domainEvents));
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await t.close();
  });

  // Ids of employers that do not exist: the handler finds nothing to re-index and completes.
  const committedId = randomUUID();
  const rolledBackId = randomUUID();

  const recordInTransaction = (fail: boolean) =>
    t.app.get(ClsService).run(() =>
      t.app.get(TransactionHost).withTransaction(async () => {
        await t.app.get(OutboxService).record('employer.changed', fail ? rolledBackId : committedId);
        if (fail) throw new Error('the change failed');
      }),
    );

  async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('an outbox row commits with its transaction (and vanishes with a rolled-back one), then becomes one job', async () => {
    await recordInTransaction(false);
    await expect(recordInTransaction(true)).rejects.toThrow('the change failed');
    const rows = await dataSource.getRepository(OutboxEvent).find();
    expect(rows.map((row) => row.aggregateId)).toEqual([committedId]);

    await waitFor(async () => !!(await dataSource.getRepository(OutboxEvent).findOneBy({ id: rows[0].id }))?.sentAt);
    const job = await queue.getJob(`outbox-${rows[0].id}`);
    expect(job?.data).toEqual({ outboxId: rows[0].id, topic: 'employer.changed', aggregateId: committedId });
    await waitFor(async () => (await queue.getJob(`outbox-${rows[0].id}`))?.finishedOn !== undefined);
  });

  it('a row sent twice (crash between enqueue and mark) still makes one job', async () => {
    const [row] = await dataSource.getRepository(OutboxEvent).find();
    const before = await queue.getJobCounts('completed', 'waiting', 'active', 'failed');
    await dataSource.getRepository(OutboxEvent).update(row.id, { sentAt: null });
    await waitFor(async () => !!(await dataSource.getRepository(OutboxEvent).findOneBy({ id: row.id }))?.sentAt);
    const after = await queue.getJobCounts('completed', 'waiting', 'active', 'failed');
    expect(after).toEqual(before);
  });

  it('relays in batches, oldest first, and reports how many it sent', async () => {
    await dataSource.getRepository(OutboxEvent).insert(Array.from({ length: 3 }, () => ({ topic: 'seeker.changed', aggregateId: randomUUID() })));
    const relay = t.app.get(OutboxRelayService);
    let sent = 0;
    await waitFor(async () => {
      sent += await relay.relayBatch();
      return (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`))[0].n === 0;
    });
    expect(sent).toBeLessThanOrEqual(3);
    for (const id of (await dataSource.getRepository(OutboxEvent).findBy({ topic: 'seeker.changed' })).map((r) => r.id)) {
      expect(await queue.getJob(`outbox-${id}`)).toBeTruthy();
    }
  });
});
