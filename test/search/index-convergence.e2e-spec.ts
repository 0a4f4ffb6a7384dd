import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxEvent } from '@app/database';
import { SEARCH_ENGINE, SearchEngine } from '@app/search';
import { Seeker } from '@app/seeker-pool';
import { createTestApp, Factories, TestApp } from '@app/testing';
import { DomainEventsProcessor } from '../../apps/matcher/src/domain-events.processor';
import { MatcherModule } from '../../apps/matcher/src/matcher.module';

/** A Redis of this test's own (never the machine's shared one), without persistence, stopped by process id. */
class PrivateRedis {
  private process: ChildProcess | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    await waitFor(async () => (await isListening(this.port)), 5000);
  }

  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.process?.once('exit', resolve));
    this.process?.kill('SIGKILL');
    await exited;
    this.process = null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('index convergence when Redis restarts without persistence mid-stream', () => {
  let redis: PrivateRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await createTestApp([MatcherModule], { REDIS_URL: `redis://127.0.0.1:${redis.port}`, OUTBOX_REDELIVER_SECONDS: '2' });
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  it('after 1,000 profile updates with a Redis restart in the middle, the index equals PostgreSQL', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const factories = new Factories(t.app);
    const seekers = await Promise.all(Array.from({ length: 50 }, () => factories.seeker()));

    // Each update changes a profile and writes its outbox row in one transaction, as the API does.
    // Seekers 0–24 change only before the crash, so their final state reaches the index only by redelivery.
    const update = async (i: number) => {
      const seeker = seekers[i < 500 ? i % 25 : 25 + (i % 25)];
      await dataSource.transaction(async (manager) => {
        await manager.update(Seeker, seeker.id, { name: `求职者${i}`, wageExpectation: 3000 + i });
        await manager.insert(OutboxEvent, { topic: 'seeker.changed', aggregateId: seeker.id });
      });
    };
    // The worker is held, so the first 500 updates are relayed and wait in Redis as jobs...
    const worker = t.app.get(DomainEventsProcessor).worker;
    await worker.pause(true);
    for (let i = 0; i < 500; i++) await update(i);
    await waitFor(async () => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL`))[0].n === 0, 20_000);
    await redis.kill(); // ...and are lost here: only the outbox can bring them back.
    for (let i = 500; i < 750; i++) await update(i); // the relay cannot reach Redis meanwhile
    await redis.start();
    worker.resume();
    for (let i = 750; i < 1000; i++) await update(i);

    await waitFor(async () => {
      const [{ pending }] = await dataSource.query(`SELECT count(*)::int AS pending FROM outbox_event WHERE processed_at IS NULL`);
      return pending === 0;
    }, 60_000);

    const rows = await dataSource.getRepository(Seeker).find();
    for (const row of rows) {
      const document = await engine.get('seekers', row.id);
      expect(document).toMatchObject({ name: row.name, wageExpectation: row.wageExpectation, updatedAt: row.updatedAt.toISOString() });
    }
    expect(await engine.count('seekers')).toBe(rows.length);
  }, 90_000);
});
