import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
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

/**
 * The console reads the API only through the generated types, so a response field the API renames or retypes, or an
 * operation it drops, fails the web typecheck. Proved by compiling the console's pages against altered copies of
 * schema.ts (in memory: the committed file is untouched).
 */
describe('web console typed by the generated schema', () => {
  const WEB = join(__dirname, '../../apps/web');
  const SCHEMA = join(API_DIR, 'schema.ts');
  const PAGES = ['src/components/shortages/ShortageDetail.tsx', 'src/roles/station/EventPage.tsx'].map((file) => join(WEB, file));

  /** `from` replaced by `to` inside the schema member that opens with `block` (up to its closing brace), or null when absent. */
  function within(block: string, from: string, to: string): (schema: string) => string | null {
    return (schema) => {
      const start = schema.indexOf(block);
      const end = schema.indexOf(`\n${' '.repeat(block.indexOf(block.trim()) - 1)}}`, start);
      const at = schema.indexOf(from, start);
      return start < 0 || at < 0 || at > end ? null : schema.slice(0, at) + to + schema.slice(at + from.length);
    };
  }

  /** One change each to a response field's name, a response field's type, and an operation's path. */
  const CHANGES: { what: string; change: (schema: string) => string | null; page: string; line: string }[] = [
    { what: 'ShortageResponse.title renamed', change: within('\n        ShortageResponse: {', '\n            title: string;', '\n            headline: string;'), page: PAGES[0], line: '{s.title}' },
    { what: 'EventResponse.startsAt retyped', change: within('\n        EventResponse: {', '\n            startsAt: string;', '\n            startsAt: number;'), page: PAGES[1], line: 'formatTime(e.startsAt)' },
    { what: 'GET /api/shortages/{id} dropped', change: within('\n    "/api/shortages/{id}": {', '"/api/shortages/{id}"', '"/api/shortages/{shortageId}"'), page: PAGES[0], line: "useApi('/api/shortages/{id}'" },
  ];

  /** The diagnostics of the given pages, compiled with the web tsconfig and `schema` as schema.ts. */
  function diagnostics(schema: string): { file: string; line: string; message: string }[] {
    const config = ts.getParsedCommandLineOfConfigFile(join(WEB, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (fileName, language, ...rest) =>
      fileName === SCHEMA ? ts.createSourceFile(fileName, schema, language) : getSourceFile.call(host, fileName, language, ...rest);
    const program = ts.createProgram(PAGES, config.options, host);
    return PAGES.flatMap((page) =>
      program.getSemanticDiagnostics(program.getSourceFile(page)).map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start!);
        return { file: page, line: d.file!.text.split('\n')[line], message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
      }),
    );
  }

  it('a renamed or retyped response field, or a dropped operation, fails the typecheck where the console uses it', () => {
    const committed = readFileSync(SCHEMA, 'utf8');
    let altered = committed;
    for (const { what, change } of CHANGES) {
      const next = change(altered);
      expect({ change: what, applies: next !== null }).toEqual({ change: what, applies: true });
      altered = next!;
    }
    const errors = diagnostics(altered);
    for (const change of CHANGES) {
      const caught = errors.filter((e) => e.file === change.page && e.line.includes(change.line));
      expect({ change: change.what, caught: caught.length > 0 }).toEqual({ change: change.what, caught: true });
    }
  }, 180_000);
});
