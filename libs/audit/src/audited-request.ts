import { AuditResult } from './audit-log.entity';
import { AuditEntry } from './audit.service';

/** The parts of a Fastify request the audit log reads. */
export interface AuditedRequest {
  method: string;
  url: string;
  ip?: string;
  params?: Record<string, string>;
  routeOptions?: { url?: string };
  principal?: { userId: string; role: string };
}

export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function auditEntryFor(request: AuditedRequest, result: AuditResult, statusCode: number, objectId?: string | null): AuditEntry {
  const route = request.routeOptions?.url ?? String(request.url ?? '').split('?')[0];
  return {
    userId: request.principal?.userId ?? null,
    role: request.principal?.role ?? null,
    action: auditText(`${auditText(request.method, 16)} ${route}`, 300)!,
    objectType: auditText(route.split('/').filter(Boolean)[1], 100),
    objectId: auditText(objectId ?? request.params?.id, 200),
    result,
    statusCode,
    sourceIp: auditText(request.ip, 64),
  };
}

/**
 * Text as PostgreSQL can store it: NUL bytes and other control characters (which refused requests carry, e.g.
 * `/api/shortages/%00/close`) become U+FFFD, lone surrogates are made well-formed, and the length is capped.
 */
export function auditText(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
