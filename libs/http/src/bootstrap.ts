import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { ApiExceptionFilter } from './api-exception.filter';
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
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: !options.plainLogger,
    abortOnError: false,
  });
  if (!options.plainLogger) app.useLogger(app.get(Logger));
  configureHttpApp(app, options);
  await app.init();
  return app;
}

export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const filter = new ApiExceptionFilter(app.get(AuditService));
  app.useGlobalFilters(filter);
  app.getHttpAdapter().getInstance().setErrorHandler((error, request, reply) => filter.respond(error, request as never, reply as never));
  app.enableShutdownHooks();
  setupOpenApi(app, options);
}

function setupOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', customSiteTitle: options.title });
}
