import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@app/errors';

/** No request body of this API nests deeper than a few levels; far deeper nesting only exhausts the stack. */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, counted on the text before parsing (strings
 * skipped), so that a body nested thousands of levels deep is refused before anything recurses into it.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Whether a string, or any key or string inside an object or array, contains a NUL character (iterative). */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === 'object' && !Buffer.isBuffer(next)) {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/**
 * Rules for every request, at the edge (Fastify), before any controller, DTO or database sees it:
 * - a JSON body nested deeper than MAX_BODY_DEPTH is a 400 `BODY_TOO_DEEP` (it would overflow the stack);
 * - a NUL character in a path parameter, the query or the body is a 400 `INVALID_CHARACTERS` (PostgreSQL text
 *   cannot hold it, so it would otherwise surface as a database error).
 * Call after Nest has registered its body parsers (after `app.init()`): this replaces its JSON parser.
 */
export function installEdgeGuards(instance: FastifyInstance): void {
  const { onProtoPoisoning, onConstructorPoisoning } = instance.initialConfig as { onProtoPoisoning?: string; onConstructorPoisoning?: string };
  const parseJson = instance.getDefaultJsonParser(
    (onProtoPoisoning ?? 'error') as 'error',
    (onConstructorPoisoning ?? 'error') as 'error',
  );
  if (instance.hasContentTypeParser('application/json')) instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_BODY_DEPTH)) {
      done(new AppError(HttpStatus.BAD_REQUEST, 'BODY_TOO_DEEP', { max: MAX_BODY_DEPTH }), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  instance.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'INVALID_CHARACTERS');
    }
  });
}
