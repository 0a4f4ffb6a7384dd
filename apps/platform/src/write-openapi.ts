import { writeFileSync } from 'node:fs';
import { runMain } from '@app/core';
import { openApiJson, platformOpenApiDocument } from './openapi-document';

/**
 * `npm run api:generate` (first step): writes the platform's OpenAPI document to the path given, without a database,
 * Redis or a port. apps/web/scripts/api-generate.mjs then generates the web console's types from it.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node dist/apps/platform/src/write-openapi.js <openapi.json>');
  writeFileSync(target, openApiJson(await platformOpenApiDocument()));
  console.log(`wrote ${target}`);
}

runMain(main);
