import { SetMetadata } from '@nestjs/common';

export const OUTSIDE_REQUEST_TRANSACTION = 'audit:outside-request-transaction';

/**
 * The route does not run inside the request transaction the AuditInterceptor opens for mutating requests:
 * its handler writes with single autocommitted statements and its success audit row is written afterwards.
 *
 * For routes that must commit a change even when the request fails (sign-in counts a failure and answers 401)
 * and that must never hold a pooled connection while waiting for another one: a route that held its request
 * transaction's connection and asked for a second (Propagation.RequiresNew) deadlocked the pool once as many
 * requests as connections were in flight.
 */
export const OutsideRequestTransaction = () => SetMetadata(OUTSIDE_REQUEST_TRANSACTION, true);
