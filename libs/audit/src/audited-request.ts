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
  const route = request.routeOptions?.url ?? request.url.split('?')[0];
  return {
    userId: request.principal?.userId ?? null,
    role: request.principal?.role ?? null,
    action: `${request.method} ${route}`,
    objectType: route.split('/').filter(Boolean)[1] ?? null,
    objectId: objectId ?? request.params?.id ?? null,
    result,
    statusCode,
    sourceIp: request.ip ?? null,
  };
}
