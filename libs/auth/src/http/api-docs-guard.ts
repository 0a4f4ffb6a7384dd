import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '@app/config';
import { AuthService } from '../auth.service';

/** Where configureHttpApp (libs/http) serves the OpenAPI UI and document. */
export const API_DOCS_PATH = '/docs';

/**
 * In production the OpenAPI UI and document (`/docs`, `/docs/openapi.json`) are for signed-in users only: an
 * anonymous caller gets 401 in the common error shape, so the full map of routes is not handed to a prober.
 * Bearer tokens only (no HTTP Basic): a password prompt here would be a second sign-in path beside the
 * throttled login route. Elsewhere (development, test) the docs stay open. Call before the server is ready,
 * as the apps' main does with the queue dashboard.
 */
export async function protectApiDocs(app: NestFastifyApplication): Promise<void> {
  if (!app.get(AppConfig).isProduction) return;
  const auth = app.get(AuthService);
  const cls = app.get(ClsService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      // The route that matched, not the raw URL: /%64ocs and other spellings reach the same route.
      const path = request.routeOptions?.url ?? request.url.split('?')[0];
      if (path !== API_DOCS_PATH && !path.startsWith(`${API_DOCS_PATH}/`) && !path.startsWith(`${API_DOCS_PATH}-`)) return;
      const header = request.headers.authorization;
      const principal = header?.startsWith('Bearer ') ? await cls.run(() => auth.principalFromToken(header.slice(7))) : null;
      if (principal) return;
      await reply.code(401).send({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    });
}
