import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AuditService, auditEntryFor, AuditedRequest, AuditResult, MUTATING_METHODS } from '@app/audit';
import { AppError, Language, MessageCode, OutOfScopeError, pickLanguage, renderMessage } from '@app/errors';
import { describeValidationErrors, FieldProblem, RequestValidationError } from './validation';

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

  /** Also installed as Fastify's error handler, for errors raised before Nest routes the request. */
  async respond(exception: unknown, request: ErrorRequest, reply: FastifyLikeReply): Promise<void> {
    const language = pickLanguage(languageOf(request));
    if (isHealthReport(exception)) {
      reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const classified = classify(exception);

    if (classified.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    await this.auditFailure(request, classified);

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

  private async auditFailure(request: AuditedRequest, classified: Classified): Promise<void> {
    const denied = classified.denied || DENIAL_CODES.has(classified.code);
    if (!denied && !MUTATING_METHODS.has(request.method)) return;
    const result: AuditResult = denied ? 'denied' : 'failed';
    try {
      await this.audit.record(auditEntryFor(request, result, classified.status));
    } catch (error) {
      this.logger.error(`audit write failed: ${(error as Error).message}`);
    }
  }
}

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
    return { status: 400, code: 'VALIDATION_FAILED', details: (language) => describeValidationErrors(exception.errors, language) };
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
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { code?: string }).code;
    if (pgCode === '23505') return { status: 409, code: 'CONFLICT' };
    if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') return { status: 400, code: 'BAD_REQUEST' };
  }
  // Errors raised by Fastify before Nest sees the request (bad JSON, body too large, wrong content type).
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const fastifyCode = (exception as { code?: string }).code ?? '';
    if (fastifyCode.startsWith('FST_ERR_CTP_INVALID_JSON') || exception instanceof SyntaxError) return { status: 400, code: 'MALFORMED_BODY' };
    return { status: fastifyStatus, code: CODE_BY_STATUS[fastifyStatus] ?? 'BAD_REQUEST' };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL' };
}
