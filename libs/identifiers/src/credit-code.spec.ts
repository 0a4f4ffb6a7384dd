import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, isValidCreditCode, makeCreditCode, makeOrganizationCode } from './credit-code';

const body17 = fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('unified social credit code (GB 32100)', () => {
  it('accepts the example printed in the standard', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('makes a code with a computed check character', () => {
    const code = makeCreditCode('9146010006' + '1234567');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('maps a remainder of 0 to check character 0', () => {
    // 17 zeros: sum 0, 31 - 0 = 31 wraps to 0.
    expect(makeCreditCode('0'.repeat(17))).toBe('0'.repeat(18));
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', '17 chars'],
    ['91350100m000100y43', 'lower case'],
    ['9135010OM000100Y43', 'letter O is not in the alphabet'],
    ['91350100I000100Y43', 'letter I is not in the alphabet'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidCreditCode(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidCreditCode(null)).toBe(false);
    expect(isValidCreditCode(913501)).toBe(false);
  });

  it('rejects a body outside the alphabet when making', () => {
    expect(() => makeCreditCode('91350100I000100Y4')).toThrow();
    expect(() => makeCreditCode('9135')).toThrow();
  });

  it('makes GB 11714 organisation codes with their own check char', () => {
    // Known-valid organisation code pattern: weights 3,7,9,10,5,8,4,2, check 11 - sum mod 11.
    expect(makeOrganizationCode('M000100Y')).toBe('M000100Y4');
    expect(makeOrganizationCode('00000000')).toBe('000000000');
  });

  it('property: every made code validates', () => {
    fc.assert(fc.property(body17, (body) => isValidCreditCode(makeCreditCode(body))));
  });

  it('property: substituting any one character invalidates the code', () => {
    fc.assert(
      fc.property(body17, fc.nat(17), fc.nat(29), (body, pos, pick) => {
        const code = makeCreditCode(body);
        const replacement = CREDIT_CODE_ALPHABET.replace(code[pos], '')[pick];
        return !isValidCreditCode(code.slice(0, pos) + replacement + code.slice(pos + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
