import { AppError } from '@app/errors';
import { loadConfig } from '@app/config';
import { EventTokens } from './event-tokens';

describe('EventTokens', () => {
  const tokens = new EventTokens(loadConfig({}, { APP_ENV: 'test' }));
  const attendee = '3f1c2d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f';
  const later = new Date(Date.now() + 3600_000);

  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as AppError).code;
    }
    return 'accepted';
  };

  it('verifies its own tokens and carries only the record id and the expiry', () => {
    const ticket = tokens.sign('t', attendee, later);
    expect(ticket.split('.').slice(0, 3)).toEqual(['v1', 't', attendee]);
    expect(tokens.verify(ticket, 't')).toMatchObject({ kind: 't', subject: attendee });
  });

  it('refuses forged, altered, other-kind, malformed and expired tokens', () => {
    const ticket = tokens.sign('t', attendee, later);
    expect(codeOf(() => tokens.verify(`${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'B' : 'A'}`, 't'))).toBe('TICKET_INVALID');
    expect(codeOf(() => tokens.verify(ticket.replace(attendee, '00000000-0000-4000-8000-000000000000'), 't'))).toBe('TICKET_INVALID');
    expect(codeOf(() => tokens.verify(ticket, 'i'))).toBe('INVITATION_INVALID');
    expect(codeOf(() => tokens.verify('v1.t.x.1.y', 't'))).toBe('TICKET_INVALID');
    expect(codeOf(() => tokens.verify(42, 't'))).toBe('TICKET_INVALID');
    expect(codeOf(() => tokens.verify(tokens.sign('t', attendee, new Date(Date.now() - 1000)), 't'))).toBe('TICKET_EXPIRED');
    expect(codeOf(() => tokens.verify(tokens.sign('i', attendee, new Date(Date.now() - 1000)), 'i'))).toBe('INVITATION_EXPIRED');
  });

  it('uses a key of its own: another secret does not verify', () => {
    const other = new EventTokens(loadConfig({}, { APP_ENV: 'test', JWT_SECRET: 'another-secret-of-at-least-thirty-two-characters' }));
    expect(codeOf(() => other.verify(tokens.sign('t', attendee, later), 't'))).toBe('TICKET_INVALID');
  });
});
