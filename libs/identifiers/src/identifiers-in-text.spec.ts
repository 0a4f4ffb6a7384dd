import fc from 'fast-check';
import { detectIdentifiers, percentDecode } from './identifiers-in-text';
import { findPersonalIdentifiers, scrubIdentifiers } from './pii-scan';
import { makeResidentId } from './resident-id';

const mobiles = (text: string) => detectIdentifiers(text).filter((d) => d.kind === 'mobile').map((d) => d.value);

describe('detectIdentifiers: what is a mobile or ID number in text', () => {
  const id = makeResidentId('460100', '1988-06-15', 27);

  it.each([
    ['13812345678'],
    ['138-1234-5678'],
    ['138 1234 5678'],
    ['+8613812345678'],
    ['8613812345678'],
    ['+86 138-1234-5678'],
    ['+86-138 1234 5678'],
    ['１３８１２３４５６７８'],
    ['１３８－１２３４－５６７８'],
    ['＋８６１３８１２３４５６７８'],
    ['电话：138 1234 5678。'],
    ['tel13812345678'],
    ['/api/seekers?phone=138-1234-5678&lang=en'],
    ['{"phone":"+8613812345678"}'],
    ['A86 138 1234 5678'],
  ])('finds the mobile number in %p', (text) => {
    expect(mobiles(text)).toEqual(['13812345678']);
  });

  it.each([
    ['0.17246848657'],
    ['46363.15811202546'],
    ['{"lat":0.13812345678,"serial":46363.15811202546}'],
    ['9f1c2a3b-e155-4129-8191-0b1d2c3e4f5a'],
    ['-e155-4129-8191-'],
    ['id=5d0e13812345678ab'],
    ['sha256:ab13812345678cd'],
    ['13812345678.25'],
    ['订单号 213800138000'],
    ['1234567890123456789012'],
    ['138****5678'],
    ['12812345678'],
  ])('finds no mobile number in %p', (text) => {
    expect(mobiles(text)).toEqual([]);
  });

  it('finds ID numbers glued to words and marks the checksum', () => {
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const found = detectIdentifiers(`id${id}，旧号码${wrong}，小写 11010519491231002x`);
    expect(found.map((d) => [d.kind, d.value, d.valid])).toEqual([
      ['resident-id', id, true],
      ['resident-id', wrong, false],
      ['resident-id', '11010519491231002X', true],
    ]);
  });

  it('ignores ID-shaped digits after a decimal point or inside a hexadecimal token', () => {
    expect(detectIdentifiers(`0.${id.slice(0, 17)}1 ab${id}cd`)).toEqual([]);
  });

  it('reports spans in the text as given, full-width included', () => {
    const text = '电话１３８１２３４５６７８。';
    const [found] = detectIdentifiers(text);
    expect(text.slice(found.start, found.end)).toBe('１３８１２３４５６７８');
  });

  it('percent-decodes what decodes and leaves broken escapes alone', () => {
    expect(percentDecode('%2B86138%201234%205678 %E0%A4 100%')).toBe('+86138 1234 5678 %E0%A4 100%');
  });

  it('the scan reads identifiers in URLs: percent-encoded plus, spaces and full-width digits', () => {
    const fullWidth = encodeURIComponent('１３８１２３４５６７８');
    expect(findPersonalIdentifiers(`/api/x?p=%2B8613812345678&q=139%200000%201111&r=${fullWidth}`)).toEqual(['13812345678', '13900001111']);
  });
});

describe('scrubbing settles', () => {
  it('masks a number whose neighbours only stop looking like a UUID once another number is masked', () => {
    const text = ['+86 130-0000-0000', '+86 130-0000-0000', '460100199001310003'].join('-');
    const scrubbed = scrubIdentifiers(text);
    expect(findPersonalIdentifiers(scrubbed)).toEqual([]);
    expect(detectIdentifiers(scrubbed)).toEqual([]);
  });
});

describe('properties', () => {
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const phone = fc.tuple(fc.constantFrom(...'3456789'), digits(9, 9)).map(([second, rest]) => `1${second}${rest}`);

  it('a decimal fraction is never a mobile number', () => {
    fc.assert(fc.property(digits(1, 6), digits(1, 20), (whole, fraction) => mobiles(`${whole}.${fraction}`).length === 0));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => mobiles(String(x)).length === 0 && mobiles(JSON.stringify({ x })).length === 0));
  });

  it('an Excel date serial is never a mobile number', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2958465 }), digits(1, 17), (day, time) => mobiles(`${day}.${time}`).length === 0));
  });

  it('a UUID, alone or in JSON, holds no identifier', () => {
    fc.assert(fc.property(fc.uuid(), (uuid) => detectIdentifiers(uuid).length === 0 && detectIdentifiers(JSON.stringify({ id: uuid, at: uuid })).length === 0));
  });

  it('a mobile number in any of its written forms, between any texts, is found', () => {
    const forms = (p: string) => [
      p,
      `${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`,
      `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
      `+86${p}`,
      `86${p}`,
      [...p].map((c) => String.fromCharCode(0xff10 + Number(c))).join(''),
    ];
    fc.assert(
      fc.property(fc.string(), fc.string(), phone, fc.integer({ min: 0, max: 5 }), (before, after, p, form) =>
        findPersonalIdentifiers(`${before} ${forms(p)[form]} ${after}`).includes(p),
      ),
    );
  });

  it('a made ID number between any texts is found', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 999 }), (before, after, seq) => {
        const made = makeResidentId('469005', '1975-11-30', seq);
        return findPersonalIdentifiers(`${before} ${made} ${after}`).includes(made);
      }),
    );
  });

  it('after scrubbing, the scan finds nothing', () => {
    const piece = fc.oneof(
      fc.string(),
      phone,
      phone.map((p) => `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`),
      phone.map((p) => encodeURIComponent(`＋８６${p}`)),
      fc.integer({ min: 0, max: 999 }).map((seq) => makeResidentId('460100', '1990-01-31', seq)),
      fc.uuid(),
      fc.double().map(String),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom('', ' ', '=', '/', '&', ','), (pieces, joint) => {
      const scrubbed = scrubIdentifiers(pieces.join(joint));
      return findPersonalIdentifiers(scrubbed).length === 0;
    }), { numRuns: 500 });
  });
});
