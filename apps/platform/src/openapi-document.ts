import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { buildOpenApiDocument } from '@app/http';
import { HTTP_FEATURES } from './platform-features';

export const API_TITLE = '海南公共就业服务平台 Public employment service API';
export const API_DESCRIPTION = 'Employer demand, job-seeker pool, matching and recruitment events. Sign in at POST /api/auth/login.';

/**
 * The platform's OpenAPI document, built from the modules without starting them: Nest's preview mode reads the
 * controllers' metadata and instantiates no provider, so no database, Redis or listening port is needed.
 */
export async function platformOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(CoreModule.forRoot(loadConfig(), HTTP_FEATURES), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  try {
    return buildOpenApiDocument(app, { title: API_TITLE, description: API_DESCRIPTION });
  } finally {
    await app.close();
  }
}

/** The document as committed in apps/web/src/api/openapi.json. */
export function openApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
