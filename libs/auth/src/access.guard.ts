import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@app/errors';
import { ACCESS_METADATA, AccessDeclaration } from './access.decorators';
import { accountViewOf, AuthService, principalOf } from './auth.service';
import { RequestWithPrincipal } from './principal';

interface AuthenticatedRequest extends RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Deny by default: a route runs only if it declares @Public() or @Roles(...) and the caller qualifies.
 * A bearer token, when present, is always verified so public routes can still know who is calling.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!declaration) throw new AppError(HttpStatus.FORBIDDEN, 'ROUTE_UNDECLARED');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token) {
      const account = await this.auth.accountFromToken(token);
      if (!account && declaration.kind !== 'public') throw new AppError(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID');
      if (account) {
        request.principal = principalOf(account);
        request.account = accountViewOf(account);
      }
    }
    if (declaration.kind === 'public') return true;
    if (!request.principal) throw new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED');
    if (!declaration.roles.includes(request.principal.role)) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    return true;
  }
}

function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
