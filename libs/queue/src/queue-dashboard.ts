import { createHash } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '@app/audit';
import { AuthService } from '@app/auth';
import { QUEUES } from './queue-names';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const CREDENTIAL_CACHE_MS = 5 * 60_000;

/**
 * The queue dashboard (bull-board) for administrators at /admin/queues: waiting, active, failed (the
 * dead-letter list, with retry) and completed jobs of every queue. Browsers sign in with HTTP Basic
 * (an admin's username and password, checked like a login: failures count toward the lockout); API clients
 * may send their Bearer token. Every refusal writes an audit row.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  const cls = app.get(ClsService);
  const admitted = new Map<string, number>();

  const isAdmin = async (header: string | undefined): Promise<{ ok: boolean; userId: string | null; role: string | null }> => {
    if (!header) return { ok: false, userId: null, role: null };
    const key = createHash('sha256').update(header).digest('hex');
    if ((admitted.get(key) ?? 0) > Date.now()) return { ok: true, userId: null, role: 'admin' };
    const principal = await cls.run(async () => {
      if (header.startsWith('Bearer ')) return auth.principalFromToken(header.slice(7));
      if (!header.startsWith('Basic ')) return null;
      const [username, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      return auth.login(username, rest.join(':')).then((token) => token.principal, () => null);
    });
    if (principal?.role === 'admin') admitted.set(key, Date.now() + CREDENTIAL_CACHE_MS);
    return { ok: principal?.role === 'admin', userId: principal?.userId ?? null, role: principal?.role ?? null };
  };

  await app.register(async (instance: FastifyInstance) => {
    instance.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const check = await isAdmin(request.headers.authorization);
      if (check.ok) return;
      await cls.run(() =>
        audit.record({
          userId: check.userId, role: check.role, action: `${request.method} ${QUEUE_DASHBOARD_PATH}`, objectType: 'queue-dashboard',
          objectId: null, result: 'denied', statusCode: check.userId ? 403 : 401, sourceIp: request.ip,
        }),
      );
      reply
        .code(check.userId ? 403 : 401)
        .header('www-authenticate', 'Basic realm="queues", charset="UTF-8"')
        .send({ statusCode: check.userId ? 403 : 401, code: check.userId ? 'FORBIDDEN' : 'UNAUTHENTICATED', message: '仅限管理员访问任务队列面板' });
    });
    await instance.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
