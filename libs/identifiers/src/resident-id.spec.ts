import fc from 'fast-check';
import { isValidResidentId, makeResidentId, normalizeResidentId, parseResidentId, residentIdCheckChar, upgradeResidentId15 } from './resident-id';

/** Any YYYY-MM-DD between 1900-01-01 and 2024-12-31. */
const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const regionCode = fc.stringMatching(/^[1-9]\d{5}$/);
const sequence = fc.integer({ min: 0, max: 999 });

describe('resident ID (GB 11643)', () => {
  it('accepts the example from the standard', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(parseResidentId('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', gender: 'female' });
  });

  it('builds and parses synthetic Hainan numbers', () => {
    const id = makeResidentId('460100', '1990-03-07', 123);
    expect(id).toMatch(/^46010019900307123\d$/);
    expect(id[17]).toBe(residentIdCheckChar('46010019900307123'));
    expect(parseResidentId(id)).toEqual({ regionCode: '460100', birthDate: '1990-03-07', gender: 'male' });
    expect(parseResidentId(makeResidentId('469027', '20000229', '040'))).toEqual({
      regionCode: '469027',
      birthDate: '2000-02-29',
      gender: 'female',
    });
  });

  it.each([
    ['', 'empty'],
    ['11010519491231002x', 'lower-case x (normalise first)'],
    ['11010519491231002', '17 chars'],
    ['11010519491231002X1', '19 chars'],
    ['110105194912310021', 'wrong check digit'],
    ['01010519491231002X', 'region starting with 0'],
    ['46010019900230001' + residentIdCheckChar('46010019900230001'), 'February 30'],
    ['110105 19491231002X', 'space inside'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidResidentId(value)).toBe(false);
    expect(parseResidentId(value)).toBeNull();
  });

  it('rejects non-strings and future birth dates', () => {
    expect(isValidResidentId(undefined)).toBe(false);
    expect(isValidResidentId(110105194912310020)).toBe(false);
    const nextYear = new Date().getUTCFullYear() + 1;
    const body = `460100${nextYear}0101001`;
    expect(isValidResidentId(body + residentIdCheckChar(body))).toBe(false);
  });

  it('refuses to make a number from a bad date or region', () => {
    expect(() => makeResidentId('460100', '1990-02-30', 1)).toThrow();
    expect(() => makeResidentId('46010', '1990-01-01', 1)).toThrow();
    expect(() => makeResidentId('460100', '1990-01-01', 1000)).toThrow();
  });

  it('normalises a lower-case x', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('property: every made number validates and parses back', () => {
    fc.assert(
      fc.property(regionCode, birthDate, sequence, (region, date, seq) => {
        const id = makeResidentId(region, date, seq);
        const parsed = parseResidentId(id);
        return (
          isValidResidentId(id) &&
          parsed !== null &&
          parsed.regionCode === region &&
          parsed.birthDate === date &&
          parsed.gender === (seq % 2 === 1 ? 'male' : 'female')
        );
      }),
    );
  });

  it('property: substituting any one character invalidates the number', () => {
    const chars = '0123456789X';
    fc.assert(
      fc.property(regionCode, birthDate, sequence, fc.nat(17), fc.nat(10), (region, date, seq, pos, pick) => {
        const id = makeResidentId(region, date, seq);
        const replacement = chars.replace(id[pos], '')[pick % 10];
        const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return !isValidResidentId(changed);
      }),
      { numRuns: 2000 },
    );
  });

  it('upgrades a 15-digit ID number to its 18-digit form', () => {
    // The standard's example 11010519491231002X, first issued as 110105491231002.
    expect(upgradeResidentId15('110105491231002')).toBe('11010519491231002X');
    expect(upgradeResidentId15('11010549123100')).toBeNull();
    fc.assert(
      fc.property(regionCode, birthDate.filter((d) => d < '2000-01-01'), sequence, (region, birth, seq) => {
        const id18 = makeResidentId(region, birth, seq);
        expect(upgradeResidentId15(id18.slice(0, 6) + id18.slice(8, 17))).toBe(id18);
      }),
    );
  });
});
