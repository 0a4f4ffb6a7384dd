import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '@app/config';
import { AppError } from '@app/errors';
import { hashPassword, verifyPassword } from './password-hasher';
import { Principal } from './principal';
import { User } from './user.entity';
import { UsersService } from './users.service';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  principal: Principal;
}

/** Hash of a password nobody has, so unknown usernames cost the same time as wrong passwords. */
const DUMMY_HASH = hashPassword('not-a-real-password');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /**
   * Checks the password and issues an access token. After LOGIN_MAX_FAILURES failures in a row the account
   * is locked for LOGIN_LOCK_MINUTES; the failure count is committed even though the request fails.
   */
  async login(username: string, password: string, now = new Date()): Promise<IssuedToken> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await verifyPassword(await DUMMY_HASH, password);
      throw new AppError(HttpStatus.UNAUTHORIZED, 'LOGIN_FAILED');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', { minutes: minutesUntil(user.lockedUntil, now) });
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(user, now);
      throw new AppError(HttpStatus.UNAUTHORIZED, 'LOGIN_FAILED');
    }
    if (user.disabled) throw new AppError(HttpStatus.FORBIDDEN, 'ACCOUNT_DISABLED');
    await this.txHost.tx.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    const principal = principalOf(user);
    return {
      accessToken: await this.jwt.signAsync({ sub: user.id, ...principal }),
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      principal,
    };
  }

  /** Verifies an access token and re-checks that the account may still act. */
  async principalFromToken(token: string): Promise<Principal | null> {
    let payload: { sub?: string };
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      return null;
    }
    const user = payload.sub ? await this.users.findById(payload.sub) : null;
    if (!user || user.disabled) return null;
    return principalOf(user);
  }

  /** Outside the request's transaction: the failure must stick even though the login request fails. */
  private async recordFailure(user: User, now: Date): Promise<void> {
    const failures = user.failedLoginCount + 1;
    const locked = failures >= this.config.LOGIN_MAX_FAILURES;
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      await this.txHost.tx.getRepository(User).update(user.id, {
        failedLoginCount: locked ? 0 : failures,
        lockedUntil: locked ? new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
      });
    });
  }
}

export function principalOf(user: User): Principal {
  return {
    userId: user.id,
    role: user.role,
    employerId: user.employerId,
    seekerId: user.seekerId,
    regionCode: user.regionCode,
  };
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
