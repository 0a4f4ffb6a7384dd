import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` (Vite) writes the console, relative to the repository root. */
export const WEB_BUILD_SUBDIR = join('dist', 'web');

/** Paths that belong to the API, the docs and the queue dashboard: never answered with the console. */
const SERVER_PATHS = /^\/(api|docs|admin\/queues)(\/|$|\?)/;

/**
 * The built console's folder, found by walking up from this file (works from the TypeScript source and from
 * the tsc output under dist/), or undefined when it has not been built.
 */
export function findWebBuild(start: string = __dirname): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, WEB_BUILD_SUBDIR);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Serves the web console (a single-page app) on the platform's origin: its files as they are, hashed assets
 * with a long cache, and index.html for every other GET that is not /api, /docs or /admin/queues, so that
 * deep links such as /seeker/jobs work on reload. A Fastify plugin, not a Nest route: the access guard and
 * its deny-by-default rule stay about the API.
 */
export async function serveWebConsole(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(async (instance: FastifyInstance) => {
    await instance.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
      if (SERVER_PATHS.test(request.url)) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', root);
    };
    instance.get('/', sendIndex);
    instance.get('/*', sendIndex);
  });
}
