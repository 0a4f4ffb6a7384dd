import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AuditService, auditEntryFor, AuditedRequest, AuditResult, MUTATING_METHODS } from '@app/audit';
import { AppError, Language, MessageCode, OutOfScopeError, pickLanguage, renderMessage } from '@app/errors';
import { describeRequestProblems, FieldProblem, RequestValidationError } from './validation';

export interface ErrorBody {
  statusCode: number;
  code: MessageCode;
  message: string;
  details?: FieldProblem[];
}

interface Classified {
  status: number;
  code: MessageCode;
  params?: Record<string, unknown>;
  details?: (language: Language) => FieldProblem[];
  denied?: boolean;
}

type ErrorRequest = AuditedRequest & { headers: Record<string, string | string[] | undefined>; query?: unknown };

export interface FastifyLikeReply {
  status(code: number): FastifyLikeReply;
  header(name: string, value: string): FastifyLikeReply;
  send(body: unknown): void;
}

/**
 * Every error leaves as `{ statusCode, code, message, details? }` in the caller's language (zh-CN by default,
 * English with `Accept-Language: en` or `?lang=en`), never with a stack trace. Bad input is always 4xx.
 * Failed mutating requests and denied accesses are written to the audit log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly audit: AuditService) {}

  catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    return this.respond(exception, host.switchToHttp().getRequest(), host.switchToHttp().getResponse());
  }

  /**
   * Also installed as Fastify's error handler and `frameworkErrors` hook, for errors raised before Nest routes the
   * request; those (`refusedAtEdge`) are audited whatever the method, as they cannot be attributed to a route.
   */
  async respond(exception: unknown, request: ErrorRequest, reply: FastifyLikeReply, refusedAtEdge = false): Promise<void> {
    const language = pickLanguage(languageOf(request));
    if (isHealthReport(exception)) {
      const report = exception.getResponse() as Record<string, unknown>;
      reply.status(503).send({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: renderMessage('SERVICE_UNAVAILABLE', language), ...report });
      return;
    }
    const classified = classify(exception);

    if (classified.status >= 500 && classified.code !== 'SERVICE_UNAVAILABLE') {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    } else if (classified.code === 'SERVICE_UNAVAILABLE') {
      this.logger.warn(`dependency unavailable: ${(exception as Error)?.message ?? String(exception)}`);
    }
    await this.auditFailure(request, classified, refusedAtEdge);

    const body: ErrorBody = {
      statusCode: classified.status,
      code: classified.code,
      message: renderMessage(classified.code, language, classified.params),
    };
    const details = classified.details?.(language);
    if (details?.length) {
      body.details = details;
      body.message = `${body.message}：${details.map((d) => d.message).join('；')}`;
    }
    reply.status(classified.status).header('content-language', language).send(body);
  }

  /**
   * Requests Node's HTTP parser refuses before Fastify has a request (raw non-ASCII or control bytes in the request
   * line, malformed or oversized headers): answered in the error shape, like every other error, and audited.
   */
  async respondToClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): Promise<void> {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || socket.destroyed) return;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const code: MessageCode =
      status === 408 ? 'REQUEST_TIMEOUT' : status === 431 ? 'HEADERS_TOO_LARGE' : error.code === 'HPE_INVALID_URL' ? 'MALFORMED_URL' : 'BAD_REQUEST';
    const body = JSON.stringify({ statusCode: status, code, message: renderMessage(code, 'zh-CN') });
    const sourceIp = socket.remoteAddress;
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Language: zh-CN\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
    if (status === 408) return; // a connection that sent nothing in time is not a request
    const [method, target] = (error.rawPacket?.toString('latin1').split('\r\n')[0] ?? '').split(' ');
    const request: AuditedRequest = { method: /^[A-Z]{1,16}$/.test(method ?? '') ? method! : 'INVALID', url: target ?? '', ip: sourceIp };
    try {
      await this.audit.record(auditEntryFor(request, 'failed', status));
    } catch (auditError) {
      this.logger.error(`audit write failed: ${(auditError as Error).message}`);
    }
  }

  private async auditFailure(request: AuditedRequest, classified: Classified, refusedAtEdge: boolean): Promise<void> {
    const denied = classified.denied || DENIAL_CODES.has(classified.code);
    const malformed = refusedAtEdge || MALFORMED_REQUEST_CODES.has(classified.code);
    if (!denied && !malformed && !MUTATING_METHODS.has(request.method)) return;
    // One row per request, even if an error passes both Nest's filter and Fastify's error handler.
    const marked = request as AuditedRequest & { [FAILURE_AUDITED]?: boolean };
    if (marked[FAILURE_AUDITED]) return;
    marked[FAILURE_AUDITED] = true;
    const result: AuditResult = denied ? 'denied' : 'failed';
    try {
      await this.audit.record(auditEntryFor(request, result, classified.status));
    } catch (error) {
      this.logger.error(`audit write failed: ${(error as Error).message}`);
    }
  }
}

const FAILURE_AUDITED = Symbol('failure audited');

/** Requests refused as malformed before any handler ran: audited whatever their method (they are probes, mostly). */
const MALFORMED_REQUEST_CODES = new Set<MessageCode>([
  'MALFORMED_URL', 'MALFORMED_BODY', 'BODY_TOO_DEEP', 'INVALID_CHARACTERS', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE',
]);

/** Terminus reports a failed health check as a 503 whose body says which dependency is down: keep it. */
function isHealthReport(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return false;
  const body = exception.getResponse() as { status?: unknown; info?: unknown; error?: unknown };
  return body?.status === 'error' && typeof body.info === 'object' && typeof body.error === 'object';
}

function languageOf(request: ErrorRequest): string | undefined {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (typeof lang === 'string') return lang;
  const header = request.headers?.['accept-language'];
  return Array.isArray(header) ? header[0] : header;
}

/** Refusals by the access rules (as opposed to requests that failed for other reasons). */
const DENIAL_CODES = new Set<MessageCode>(['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'ROUTE_UNDECLARED']);

const CODE_BY_STATUS: Record<number, MessageCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function classify(exception: unknown): Classified {
  if (exception instanceof RequestValidationError) {
    return { status: 400, code: 'VALIDATION_FAILED', details: (language) => describeRequestProblems(exception.errors, language) };
  }
  if (exception instanceof OutOfScopeError) return { status: 404, code: 'NOT_FOUND', denied: true };
  if (exception instanceof AppError) return { status: exception.getStatus(), code: exception.code, params: exception.params };
  if (exception instanceof ThrottlerException) return { status: 429, code: 'TOO_MANY_REQUESTS' };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(exception.message)) {
      return { status, code: 'ROUTE_NOT_FOUND' };
    }
    if (status === 400 && /not valid JSON/i.test(exception.message)) return { status, code: 'MALFORMED_BODY' };
    const code = CODE_BY_STATUS[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL');
    const detail = typeof exception.getResponse() === 'object' ? (exception.getResponse() as { message?: unknown }).message : undefined;
    return {
      status,
      code,
      details: status === 400 && typeof detail === 'string' ? () => [{ field: '', message: detail }] : undefined,
    };
  }
  if (isDependencyUnavailable(exception)) return { status: 503, code: 'SERVICE_UNAVAILABLE' };
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { code?: string }).code;
    if (pgCode === '23505') return { status: 409, code: 'CONFLICT' };
    if (pgCode && BAD_INPUT_PG_CODES.has(pgCode)) return { status: 400, code: 'BAD_REQUEST' };
  }
  // Errors raised by Fastify before Nest sees the request (bad URL, bad JSON, body too large, wrong content type).
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const fastifyCode = (exception as { code?: string }).code ?? '';
    if (fastifyCode.startsWith('FST_ERR_CTP_INVALID_JSON') || exception instanceof SyntaxError) return { status: 400, code: 'MALFORMED_BODY' };
    if (fastifyCode === 'FST_ERR_BAD_URL' || fastifyCode === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 400, code: 'MALFORMED_URL' };
    return { status: fastifyStatus, code: CODE_BY_STATUS[fastifyStatus] ?? 'BAD_REQUEST' };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL' };
}

/**
 * PostgreSQL errors that only bad input causes: invalid text representation, numeric out of range, bad datetime,
 * value too long, NUL or untranslatable characters. A safety net: validation should refuse such input first.
 */
const BAD_INPUT_PG_CODES = new Set(['22P02', '22003', '22007', '22008', '22001', '22021', '22P05']);

/** Network errors of a dependency (PostgreSQL, Redis) that is down or unreachable. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections. Class 08: connection exceptions. */
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** "Query runner already released": TypeORM let go of a connection PostgreSQL dropped in the middle of a transaction. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|the database system is (starting up|shutting down|in recovery mode)|Connection is closed|MaxRetriesPerRequest|Query runner already released/i;

/** A PostgreSQL (or Redis) outage: the request was fine, the platform cannot serve it now (503, not 500). */
export function isDependencyUnavailable(exception: unknown): boolean {
  let error = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  for (let hops = 0; error && typeof error === 'object' && hops < 5; hops++) {
    const code = typeof error.code === 'string' ? error.code : '';
    if (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_PG_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (typeof error.message === 'string' && UNAVAILABLE_MESSAGES.test(error.message)) return true;
    error = (error.driverError ?? error.cause ?? error.errors?.[0]) as typeof error;
  }
  return false;
}
