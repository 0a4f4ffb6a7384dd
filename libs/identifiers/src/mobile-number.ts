/** Mainland China mobile number: 11 digits starting 13-19. */
export function isMobileNumber(s: unknown): s is string {
  return typeof s === 'string' && /^1[3-9]\d{9}$/.test(s);
}
