import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { shanghaiDisplay } from '@app/clock';
import { AppConfig } from '@app/config';
import { AppError } from '@app/errors';

/** t: an entry ticket (subject: attendee id); i: a seeker's invitation (attendee id); e: an employer's invitation (event id:employer id). */
export type EventTokenKind = 't' | 'i' | 'e';

export interface VerifiedToken {
  kind: EventTokenKind;
  subject: string;
  expiresAt: Date;
}

const VERSION = 'v1';

/**
 * Signed, expiring tokens for tickets and invitation links: `v1.<kind>.<subject>.<expiry seconds>.<HMAC-SHA256>`.
 * The subject is a random record id, never personal data. The key is derived from JWT_SECRET under its own label,
 * so a ticket can never pass as a sign-in token or the reverse.
 */
@Injectable()
export class EventTokens {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('recruitment-event-tokens/v1').digest();
  }

  sign(kind: EventTokenKind, subject: string, expiresAt: Date): string {
    const body = `${VERSION}.${kind}.${subject}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${body}.${this.mac(body)}`;
  }

  /** @throws AppError TICKET_INVALID / INVITATION_INVALID when forged or malformed, TICKET_EXPIRED / INVITATION_EXPIRED when expired */
  verify(token: unknown, kind: EventTokenKind, now: Date = new Date()): VerifiedToken {
    const invalid = kind === 't' ? 'TICKET_INVALID' : 'INVITATION_INVALID';
    if (typeof token !== 'string' || token.length > 300) throw new AppError(HttpStatus.BAD_REQUEST, invalid);
    const parts = token.trim().split('.');
    if (parts.length !== 5 || parts[0] !== VERSION || parts[1] !== kind || !/^\d{1,12}$/.test(parts[3])) throw new AppError(HttpStatus.BAD_REQUEST, invalid);
    const body = parts.slice(0, 4).join('.');
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(parts[4]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError(HttpStatus.BAD_REQUEST, invalid);
    const expiresAt = new Date(Number(parts[3]) * 1000);
    if (expiresAt.getTime() <= now.getTime()) {
      if (kind === 't') throw new AppError(HttpStatus.GONE, 'TICKET_EXPIRED', { expiredAt: shanghaiDisplay(expiresAt) });
      throw new AppError(HttpStatus.GONE, 'INVITATION_EXPIRED');
    }
    return { kind, subject: parts[2], expiresAt };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
