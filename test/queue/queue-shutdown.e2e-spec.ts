import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { createTestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * An app must close cleanly whatever state its Redis connections are in. BullMQ closes a connection that is still
 * opening by disconnecting it, and its pending start-up then emits the failure on an emitter whose listeners the close
 * removed: an uncaught error that would crash `npm start` on shutdown and fail whichever test is running.
 */
describe('shutdown while the queues cannot reach Redis', () => {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  let silent: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // For its first second it resets every connection (each client records the error and reconnects); then it accepts
    // and never answers: every queue connection stays "opening" with an error already seen, the state the race needs.
    const started = Date.now();
    silent = createServer((socket) => {
      if (Date.now() - started < 1000) return void socket.resetAndDestroy();
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });

  afterAll(async () => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('a Redis that resets, then accepts and never answers: close raises nothing', async () => {
    const { port } = silent.address() as AddressInfo;
    const t = await createTestApp(HTTP_FEATURES, { REDIS_URL: `redis://127.0.0.1:${port}` });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await t.close();
    await settle();
    expect(uncaught).toEqual([]);
  }, 30_000);

  it('no Redis at all (connection refused): close raises nothing', async () => {
    const t = await createTestApp(HTTP_FEATURES, { REDIS_URL: 'redis://127.0.0.1:1' });
    await t.close();
    await settle();
    expect(uncaught).toEqual([]);
  }, 30_000);
});
