import { randomInt, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '@app/config';
import { FieldCipher } from '@app/crypto';
import { AppError } from '@app/errors';
import { SmsSender } from '@app/notifications';
import { AccountCache } from './account-cache';
import { AuthService, IssuedToken } from './auth.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { Principal } from './principal';
import { SmsCode, SmsCodePurpose } from './sms-code.entity';
import { TERMS_VERSION } from './terms/terms';
import { User } from './user.entity';

export interface CodeRequestAnswer {
  /** Seconds the code stays valid (when one was sent). */
  expiresInSeconds: number;
  /** Seconds before another code may be asked for this number. */
  resendAfterSeconds: number;
}

/**
 * One-time SMS codes (sign-in and password reset), password change and the terms consent.
 *
 * Codes: six random digits, stored only as a keyed hash (HMAC with the blind-index key, salted with the row id),
 * valid SMS_CODE_TTL_MINUTES, used once, and replaced by the next code asked for the same number and purpose.
 * A request for a number no account has is answered exactly like one for a registered number (a row is written,
 * nothing is sent), so neither the answer nor the per-number limits (one code per SMS_CODE_RESEND_SECONDS,
 * SMS_CODE_MAX_PER_HOUR an hour) reveal whether the number is registered. Checking a code counts as a sign-in
 * attempt of the account: the same atomic count and lock as wrong passwords (AuthService.claimAttempt).
 */
@Injectable()
export class AccountSecurityService {
  private readonly logger = new Logger('AccountSecurity');

  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly sms: SmsSender,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly accounts: AccountCache,
  ) {}

  /** Runs in the request's transaction: the per-number lock, the count, the row and the send commit together. */
  async requestCode(phone: string, purpose: SmsCodePurpose, now = new Date()): Promise<CodeRequestAnswer> {
    const phoneHash = this.cipher.blindIndex(phone);
    const tx = this.txHost.tx;
    // One request per number at a time, so simultaneous requests cannot both pass the limits.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('sms_code:' || $1))`, [phoneHash]);
    // This number's rows older than a day have served their purpose (limits look back an hour).
    await tx.query(`DELETE FROM sms_code WHERE phone_hash = $1 AND created_at < $2::timestamptz - interval '1 day'`, [phoneHash, now]);
    const [{ recent, hour, last }] = await tx.query(
      `SELECT count(*) FILTER (WHERE created_at > $2::timestamptz - make_interval(secs => $3))::int AS recent,
              count(*) FILTER (WHERE created_at > $2::timestamptz - interval '1 hour')::int AS hour,
              max(created_at) AS last
         FROM sms_code WHERE phone_hash = $1 AND created_at > $2::timestamptz - interval '1 hour'`,
      [phoneHash, now, this.config.SMS_CODE_RESEND_SECONDS],
    );
    if (recent > 0) {
      const wait = Math.max(1, Math.ceil(this.config.SMS_CODE_RESEND_SECONDS - (now.getTime() - new Date(last).getTime()) / 1000));
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, 'CODE_TOO_SOON', { seconds: wait });
    }
    if (hour >= this.config.SMS_CODE_MAX_PER_HOUR) throw new AppError(HttpStatus.TOO_MANY_REQUESTS, 'CODE_LIMIT');

    const user = await tx.getRepository(User).findOneBy({ phoneHash });
    const holder = user && !user.disabled ? user : null;
    const expiresAt = new Date(now.getTime() + this.config.SMS_CODE_TTL_MINUTES * 60_000);
    const repository = tx.getRepository(SmsCode);
    // Earlier codes for this number and purpose stop working: only the latest one counts.
    await repository.createQueryBuilder().update().set({ usedAt: now }).where('phone_hash = :phoneHash AND purpose = :purpose AND used_at IS NULL', { phoneHash, purpose }).execute();
    const row = await repository.save({ phoneHash, userId: holder?.id ?? null, purpose, codeHash: null, expiresAt, usedAt: null, createdAt: now });
    if (holder) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repository.update(row.id, { codeHash: this.codeHash(row.id, code) });
      try {
        await this.sms.send({
          to: phone,
          template: purpose === 'sign_in' ? 'SIGN_IN_CODE' : 'PASSWORD_RESET_CODE',
          params: { code, minutes: String(this.config.SMS_CODE_TTL_MINUTES) },
        });
      } catch (error) {
        // The request fails as a whole (the row rolls back, so the limits do not count a code never sent).
        this.logger.warn(`SMS code not sent: ${(error as Error).message}`);
        throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE');
      }
    }
    return { expiresInSeconds: this.config.SMS_CODE_TTL_MINUTES * 60, resendAfterSeconds: this.config.SMS_CODE_RESEND_SECONDS };
  }

  /** Sign-in with a code sent to the account's phone. Outside a request transaction, like the password sign-in. */
  async loginWithCode(phone: string, code: string, now = new Date()): Promise<IssuedToken> {
    const user = await this.codeHolder(phone, code, 'sign_in', now);
    await this.txHost.tx.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null, ...(user.disabled ? {} : { lastLoginAt: now }) });
    if (user.disabled) throw new AppError(HttpStatus.FORBIDDEN, 'ACCOUNT_DISABLED');
    return this.auth.issue(user);
  }

  /** A new password with a reset code: clears the lock and ends every session (the token version moves on). */
  async resetPassword(phone: string, code: string, newPassword: string, now = new Date()): Promise<void> {
    const user = await this.codeHolder(phone, code, 'password_reset', now);
    await this.txHost.tx.getRepository(User).update(user.id, {
      passwordHash: await hashPassword(newPassword),
      tokenVersion: user.tokenVersion + 1,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    this.accounts.invalidate(user.id);
  }

  /**
   * Changes the password of the signed-in account. The current password is checked as a sign-in attempt (counted,
   * and refused while the account is locked), so a stolen session cannot guess it. Every other session ends; the
   * caller gets a fresh token.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, now = new Date()): Promise<IssuedToken> {
    const user = await this.txHost.tx.getRepository(User).findOneBy({ id: principal.userId });
    if (!user) throw new AppError(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID');
    if (!(await this.auth.claimAttempt(user.id, now))) throw new AppError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', { minutes: this.config.LOGIN_LOCK_MINUTES });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError(HttpStatus.BAD_REQUEST, 'CURRENT_PASSWORD_WRONG');
    if (currentPassword === newPassword) {
      await this.txHost.tx.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null });
      throw new AppError(HttpStatus.BAD_REQUEST, 'PASSWORD_UNCHANGED');
    }
    const changed = { passwordHash: await hashPassword(newPassword), tokenVersion: user.tokenVersion + 1, failedLoginCount: 0, lockedUntil: null };
    await this.txHost.tx.getRepository(User).update(user.id, changed);
    this.accounts.invalidate(user.id);
    return this.auth.issue({ ...user, ...changed });
  }

  /** Records agreement to the current privacy policy and terms; an older version is refused (the text changed since). */
  async acceptTerms(principal: Principal, version: string, now = new Date()): Promise<User> {
    if (version !== TERMS_VERSION) throw new AppError(HttpStatus.BAD_REQUEST, 'TERMS_VERSION_OUTDATED', { version: TERMS_VERSION });
    const repository = this.txHost.tx.getRepository(User);
    await repository.update(principal.userId, { termsVersion: version, termsAcceptedAt: now });
    this.accounts.invalidate(principal.userId);
    return repository.findOneByOrFail({ id: principal.userId });
  }

  /**
   * The account a code belongs to. Counts one attempt (refused while locked, 423), then checks the latest live code
   * of the purpose and uses it up. Unknown numbers, wrong, used, replaced and expired codes all get the same 401.
   */
  private async codeHolder(phone: string, code: string, purpose: SmsCodePurpose, now: Date): Promise<User> {
    const phoneHash = this.cipher.blindIndex(phone);
    const user = await this.txHost.tx.getRepository(User).findOneBy({ phoneHash });
    if (!user) {
      this.codeHash('00000000-0000-0000-0000-000000000000', code); // about the same work as a real check
      throw new AppError(HttpStatus.UNAUTHORIZED, 'CODE_INVALID');
    }
    if (!(await this.auth.claimAttempt(user.id, now))) {
      const lockedUntil = (await this.txHost.tx.getRepository(User).findOneBy({ id: user.id }))?.lockedUntil;
      const minutes = lockedUntil ? Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000)) : this.config.LOGIN_LOCK_MINUTES;
      throw new AppError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', { minutes });
    }
    const [live] = await this.txHost.tx.query(
      `SELECT id, code_hash FROM sms_code
        WHERE user_id = $1 AND phone_hash = $2 AND purpose = $3 AND used_at IS NULL AND code_hash IS NOT NULL AND expires_at > $4
        ORDER BY created_at DESC LIMIT 1`,
      [user.id, phoneHash, purpose, now],
    );
    if (!live || !sameHash(live.code_hash, this.codeHash(live.id, code))) throw new AppError(HttpStatus.UNAUTHORIZED, 'CODE_INVALID');
    // Used once: of two simultaneous requests with the right code, one gets it.
    const used: unknown[] = await this.txHost.tx.query(`UPDATE sms_code SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`, [live.id, now]);
    if ((Array.isArray(used[0]) ? used[0] : used).length !== 1) throw new AppError(HttpStatus.UNAUTHORIZED, 'CODE_INVALID');
    return user;
  }

  private codeHash(rowId: string, code: string): string {
    return this.cipher.blindIndex(`sms-code:${rowId}:${code}`);
  }
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
