import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuditService } from './audit.service';
import { auditEntryFor, AuditedRequest, MUTATING_METHODS } from './audited-request';
import { OUTSIDE_REQUEST_TRANSACTION } from './outside-request-transaction.decorator';

/**
 * Runs every mutating request in one transaction and writes its success audit row inside it, so the change,
 * its outbox rows and its audit row commit together. Failures are audited by the exception filter.
 * Routes marked @OutsideRequestTransaction() run without it and get their success row after the handler.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuditedRequest>();
    if (!MUTATING_METHODS.has(request.method)) return next.handle();

    const run = async () => {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const statusCode: number =
        Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ??
        (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
      await this.audit.record(auditEntryFor(request, 'success', statusCode, idOf(result)));
      return result;
    };
    const outside = this.reflector.getAllAndOverride<boolean | undefined>(OUTSIDE_REQUEST_TRANSACTION, [context.getHandler(), context.getClass()]);
    return from(outside ? run() : this.txHost.withTransaction(run));
  }
}

function idOf(result: unknown): string | null {
  const id = (result as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
