import { HttpException, HttpStatus } from '@nestjs/common';
import { MessageCode } from './messages';

/**
 * An error the user should read: an HTTP status, a message code from the catalog and its parameters.
 * The API's exception filter renders it in the caller's language.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
  ) {
    super({ code, params }, status);
  }
}

/** A record that exists but lies outside the caller's scope: answered like a missing one (404), audited as denied. */
export class OutOfScopeError extends AppError {
  constructor(readonly objectType: string) {
    super(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType });
  }
}
