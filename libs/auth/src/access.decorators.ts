import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const ACCESS_METADATA = 'access:declaration';

/** Who may call a route. Every route must carry exactly one declaration; the AccessGuard denies the rest. */
export type AccessDeclaration = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

/** Signed-in users with one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessDeclaration);
