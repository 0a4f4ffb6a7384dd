import { QueryFailedError } from 'typeorm';

/**
 * True when `error` is PostgreSQL's unique violation (23505) of the named constraint or unique index: what a
 * check-then-insert raced by a concurrent request ends in. Callers turn it into the same domain error the check
 * gives, so the loser of a race is answered like a late request.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const details = error as QueryFailedError & { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = details.code ?? details.driverError?.code;
  const name = details.constraint ?? details.driverError?.constraint;
  return code === '23505' && name === constraint;
}
