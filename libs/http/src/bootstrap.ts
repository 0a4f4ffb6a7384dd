import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { ApiExceptionFilter } from './api-exception.filter';
import { installEdgeGuards } from './edge-guards';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Keep Nest's own console logger (tests); production uses pino. */
  plainLogger?: boolean;
}

/**
 * One place that makes an HTTP app: Fastify, pino logs, `/api` prefix, strict validation, localized errors,
 * OpenAPI docs at `/docs`, graceful shutdown. Returns the app ready to listen (or to be tested with inject()).
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  config: AppConfig,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  // X-Forwarded-For is believed only from the configured proxies (TRUSTED_PROXIES), never from any peer.
  const trustProxy = config.trustedProxies.length ? config.trustedProxies : false;
  // Requests Fastify or Node refuse before routing them are answered and audited by the exception filter,
  // which exists once the app does: these hooks reach it through `edge`.
  const edge: { filter?: ApiExceptionFilter } = {};
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy,
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const refused = { method: request.raw.method ?? 'INVALID', url: request.raw.url ?? '', ip: request.raw.socket?.remoteAddress, headers: request.raw.headers };
      void edge.filter!.respond(error, refused, reply as never, true);
    },
    clientErrorHandler: (error, socket) => void edge.filter!.respondToClientError(error as never, socket as Socket),
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: !options.plainLogger,
    abortOnError: false,
  });
  if (!options.plainLogger) app.useLogger(app.get(Logger));
  edge.filter = configureHttpApp(app, options);
  await app.init();
  installEdgeGuards(app.getHttpAdapter().getInstance());
  return app;
}

export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): ApiExceptionFilter {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const filter = new ApiExceptionFilter(app.get(AuditService));
  app.useGlobalFilters(filter);
  // Fastify's error handler sees what fails before Nest's handler runs (URL, body parsing, the edge guards' hooks):
  // those requests are refused at the edge and audited whatever their method.
  app.getHttpAdapter().getInstance().setErrorHandler((error, request, reply) => filter.respond(error, request as never, reply as never, true));
  app.enableShutdownHooks();
  setupOpenApi(app, options);
  return filter;
}

/** The OpenAPI document the app serves at /docs/openapi.json (and the web client is generated from). */
export function buildOpenApiDocument(app: INestApplication, options: Pick<HttpAppOptions, 'title' | 'description'>): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

function setupOpenApi(app: INestApplication, options: HttpAppOptions): void {
  // Built on the first request for /docs, not at start: it costs about half a second of CPU per app (each e2e test
  // file starts one or more), and only the docs' readers and the client generator need it.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, options), { jsonDocumentUrl: 'docs/openapi.json', customSiteTitle: options.title });
}
