import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from './role';

/** The signed-in user as carried by the access token. */
export interface Principal {
  userId: string;
  role: Role;
  employerId: string | null;
  seekerId: string | null;
  regionCode: string | null;
}

export interface RequestWithPrincipal {
  principal?: Principal;
  /** The signed-in account's name and consent state, read with the principal by the AccessGuard. */
  account?: { displayName: string; consentRequired: boolean };
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
