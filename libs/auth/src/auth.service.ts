import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '@app/config';
import { FieldCipher } from '@app/crypto';
import { AppError } from '@app/errors';
import { isMobileNumber } from '@app/identifiers';
import { AccountCache, AccountState } from './account-cache';
import { hashPassword, verifyPassword } from './password-hasher';
import { Principal } from './principal';
import { termsRequired } from './terms/terms';
import { User } from './user.entity';
import { UsersService } from './users.service';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  principal: Principal;
  account: AccountView;
}

/** What the console shows of the signed-in account beside its principal. */
export interface AccountView {
  displayName: string;
  /** The privacy policy and terms changed (or were never agreed to): the console asks before anything else. */
  consentRequired: boolean;
}

/** Verified access tokens remembered at most (a replica's signed-in sessions at once; past it the oldest goes). */
const MAX_VERIFIED_TOKENS = 50_000;

/** Hash of a password nobody has, so unknown usernames cost the same time as wrong passwords. */
const DUMMY_HASH = hashPassword('not-a-real-password');

@Injectable()
export class AuthService {
  /** Tokens whose signature checked out, by their exact text, until they expire (the account is checked every time). */
  private readonly verifiedTokens = new Map<string, TokenClaims>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
    private readonly accounts: AccountCache,
  ) {}

  /**
   * Checks the password and issues an access token. After LOGIN_MAX_FAILURES failures in a row the account
   * is locked for LOGIN_LOCK_MINUTES.
   *
   * Each attempt first claims one of the account's allowed attempts with a single atomic UPDATE (autocommitted,
   * outside any request transaction: the sign-in route is @OutsideRequestTransaction), and only then evaluates the
   * password. So simultaneous attempts count one each, no more than LOGIN_MAX_FAILURES guesses are evaluated before
   * the lock, a failure sticks although the request fails, and the sign-in path never holds a pooled connection
   * while it waits for another one (it cannot deadlock the pool, whatever its size).
   */
  async login(username: string, password: string, now = new Date()): Promise<IssuedToken> {
    // A username, or else the mobile number of an account (usernames that look like a number win).
    const user = (await this.users.findByUsername(username)) ?? (isMobileNumber(username.trim()) ? await this.findByPhone(username.trim()) : null);
    if (!user) {
      await verifyPassword(await DUMMY_HASH, password);
      throw new AppError(HttpStatus.UNAUTHORIZED, 'LOGIN_FAILED');
    }
    if (!(await this.claimAttempt(user.id, now))) {
      const lockedUntil = (await this.users.findById(user.id))?.lockedUntil ?? new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000);
      throw new AppError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', { minutes: minutesUntil(lockedUntil, now) });
    }
    // A wrong password needs no further write: its attempt is already counted.
    if (!(await verifyPassword(user.passwordHash, password))) throw new AppError(HttpStatus.UNAUTHORIZED, 'LOGIN_FAILED');
    // The right password clears the count, also for a disabled account (else it would come back locked when re-enabled).
    await this.txHost.tx.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null, ...(user.disabled ? {} : { lastLoginAt: now }) });
    if (user.disabled) throw new AppError(HttpStatus.FORBIDDEN, 'ACCOUNT_DISABLED');
    return this.issue(user);
  }

  /** An access token for the account, carrying its token version (a password change makes older tokens fail). */
  async issue(user: User): Promise<IssuedToken> {
    const principal = principalOf(user);
    return {
      accessToken: await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion, ...principal }),
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      principal,
      account: accountViewOf(user),
    };
  }

  findByPhone(phone: string): Promise<User | null> {
    return this.txHost.tx.getRepository(User).findOneBy({ phoneHash: this.cipher.blindIndex(phone) });
  }

  /** Verifies an access token and re-checks that the account may still act. */
  async principalFromToken(token: string): Promise<Principal | null> {
    const account = await this.accountFromToken(token);
    return account && principalOf(account);
  }

  /**
   * Verifies an access token and checks the account (from the AccountCache, else one prepared statement): null when
   * the token is invalid, or the account is gone, disabled, or has changed its password since.
   */
  async accountFromToken(token: string): Promise<AccountState | null> {
    const claims = this.verify(token);
    if (!claims) return null;
    const account = await this.accounts.get(claims.sub, () => this.users.findAccountState(claims.sub));
    if (!account || account.disabled || claims.ver !== account.tokenVersion) return null;
    return account;
  }

  /**
   * The token's claims if its signature and expiry check out. A token verified before is not verified again until it
   * expires: the same text signed the same (an HMAC and a JSON parse were ~9% of `GET /api/auth/me`'s CPU in B14).
   */
  private verify(token: string): TokenClaims | null {
    const known = this.verifiedTokens.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known;
      this.verifiedTokens.delete(token);
    }
    let payload: { sub?: unknown; ver?: number; exp?: number };
    try {
      payload = this.jwt.verify(token);
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
    const claims = { sub: payload.sub, ver: payload.ver ?? 0, expiresAt: payload.exp * 1000 };
    this.verifiedTokens.set(token, claims);
    if (this.verifiedTokens.size > MAX_VERIFIED_TOKENS) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
    return claims;
  }

  /**
   * Counts one attempt, atomically, unless the account is locked (then returns false and nothing changes).
   * The attempt that reaches LOGIN_MAX_FAILURES sets the lock; a lock that has run out starts a fresh count.
   * A successful sign-in resets the count afterwards.
   */
  async claimAttempt(userId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `WITH claimed AS (
         UPDATE app_user
            SET failed_login_count = (CASE WHEN locked_until IS NULL THEN failed_login_count ELSE 0 END) + 1,
                locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_login_count ELSE 0 END) + 1 >= $3
                                    THEN $2::timestamptz + make_interval(mins => $4) END,
                updated_at = now()
          WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $2::timestamptz)
         RETURNING id)
       SELECT id FROM claimed`,
      [userId, now, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES],
    );
    return rows.length === 1;
  }
}

interface TokenClaims {
  sub: string;
  ver: number;
  expiresAt: number;
}

export function principalOf(user: Pick<User, 'id' | 'role' | 'employerId' | 'seekerId' | 'regionCode'>): Principal {
  return {
    userId: user.id,
    role: user.role,
    employerId: user.employerId,
    seekerId: user.seekerId,
    regionCode: user.regionCode,
  };
}

export function accountViewOf(user: Pick<User, 'displayName' | 'role' | 'termsVersion'>): AccountView {
  return { displayName: user.displayName, consentRequired: termsRequired(user.role, user.termsVersion) };
}

export const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
