import fc from 'fast-check';
import { findPersonalIdentifiers, MAY_HOLD_DIGITS, scrubIdentifiers } from './pii-scan';
import { makeResidentId } from './resident-id';

describe('findPersonalIdentifiers', () => {
  const id = makeResidentId('460100', '1988-06-15', 27);

  it('finds ID numbers and mobile numbers inside free text', () => {
    const text = `求职者身份证号${id}，联系电话13812345678。备用：id11010519491231002x；tel=+86 139-0000-1111`;
    expect(findPersonalIdentifiers(text)).toEqual([id, '11010519491231002X', '13812345678', '13900001111']);
  });

  it('finds them in JSON and full-width digits', () => {
    expect(findPersonalIdentifiers(JSON.stringify({ idNumber: id, phone: '15912345678' }))).toEqual([id, '15912345678']);
    expect(findPersonalIdentifiers('电话：１３８１２３４５６７８')).toEqual(['13812345678']);
  });

  it('ignores masked values, wrong checksums and longer digit runs', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(findPersonalIdentifiers(`460***********${id.slice(-4)} 138****5678 ${wrongCheck} 1234567890123456789012 订单号 213800138000`)).toEqual([]);
  });

  it('does not read decimal fractions, Excel date serials or UUID pieces as mobile numbers (finding 12)', () => {
    expect(findPersonalIdentifiers('0.17246848657')).toEqual([]);
    expect(findPersonalIdentifiers('46363.15811202546')).toEqual([]);
    expect(findPersonalIdentifiers('-e155-4129-8191-')).toEqual([]);
    expect(findPersonalIdentifiers(JSON.stringify({ score: 0.17246848657, created: 46363.15811202546, id: '3b2f7c1d-e155-4129-8191-0a1b2c3d4e5f' }))).toEqual([]);
  });

  it('finds mobile numbers written with dashes, spaces, a country code or full-width digits, in URLs too', () => {
    for (const written of ['138-1234-5678', '138 1234 5678', '+8613812345678', '8613812345678', '１３８１２３４５６７８', '/api/x?phone=%2B86138-1234-5678']) {
      expect(findPersonalIdentifiers(`电话 ${written} 。`)).toEqual(['13812345678']);
    }
  });

  it('returns each value once', () => {
    expect(findPersonalIdentifiers(`13812345678 13812345678 ${id} ${id}`)).toEqual([id, '13812345678']);
  });

  it('property: a made ID number embedded in any text is found', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 999 }), (before, after, seq) => {
        const made = makeResidentId('469005', '1975-11-30', seq);
        const text = `${before} ${made} ${after}`;
        return findPersonalIdentifiers(text).includes(made);
      }),
    );
  });
});

describe('scrubIdentifiers fast path', () => {
  it('passes over only text that no normalisation can turn into digits', () => {
    const missed: string[] = [];
    for (let code = 0; code < 0x110000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (/[0-9]/.test(char.normalize('NFKC')) && !MAY_HOLD_DIGITS.test(char)) missed.push(code.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('returns text without digits as it is and still masks a number ending in a compatibility symbol', () => {
    expect(scrubIdentifiers('request completed')).toBe('request completed');
    expect(scrubIdentifiers('call 1381234567\u32C0')).toBe('call 138****5671月');
  });
});
