import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiJson, platformOpenApiDocument } from '../../apps/platform/src/openapi-document';

/**
 * The web console's API types are generated (npm run api:generate): the committed OpenAPI document and the types
 * generated from it must be what the controllers say today, or the console is typed against an API that is gone.
 */
const API_DIR = join(__dirname, '../../apps/web/src/api');
const STALE = 'stale: run `npm run api:generate` and commit apps/web/src/api';

describe('generated web client', () => {
  it('the committed OpenAPI document is the one the controllers produce', async () => {
    const fresh = openApiJson(await platformOpenApiDocument());
    const committed = readFileSync(join(API_DIR, 'openapi.json'), 'utf8');
    expect({ stale: fresh !== committed, hint: STALE }).toEqual({ stale: false, hint: STALE });
  });

  it('the committed types are the ones generated from that document', () => {
    const fresh = execFileSync(process.execPath, [join(__dirname, '../../apps/web/scripts/api-generate.mjs'), '--stdout'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const committed = readFileSync(join(API_DIR, 'schema.ts'), 'utf8');
    expect({ stale: fresh !== committed, hint: STALE }).toEqual({ stale: false, hint: STALE });
  });

  it('every operation documents its success response and the error shape', async () => {
    const document = await platformOpenApiDocument();
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: Record<string, { content?: unknown }> }>)) {
        const responses = operation.responses ?? {};
        const success = Object.entries(responses).some(([status, response]) => status.startsWith('2') && (response.content || status === '204'));
        if (!success) gaps.push(`${method.toUpperCase()} ${path}: no success schema`);
        if (path !== '/api/health' && !responses['400']) gaps.push(`${method.toUpperCase()} ${path}: no error responses`);
      }
    }
    expect(gaps).toEqual([]);
    expect(document.components?.schemas?.ErrorResponse).toBeDefined();
  });
});
