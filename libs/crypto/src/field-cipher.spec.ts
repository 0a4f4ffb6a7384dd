import { FieldCipher } from './field-cipher';

const DATA_KEY = '0f'.repeat(32);
const INDEX_KEY = 'a1'.repeat(32);
const OTHER_KEY = '5c'.repeat(32);

describe('FieldCipher', () => {
  const cipher = new FieldCipher(DATA_KEY, INDEX_KEY);

  it.each(['11010519491231002X', '13812345678', '', '海南省海口市龙华区 6222 0000 1234 5678'])('round-trips %p', (plain) => {
    const token = cipher.encrypt(plain);
    expect(token).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    expect(token).not.toContain(plain || '\u0000');
    expect(cipher.decrypt(token)).toBe(plain);
  });

  it('produces a different ciphertext on each call', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => cipher.encrypt('13812345678')));
    expect(tokens.size).toBe(20);
  });

  it('never reuses an IV, across several draws of random IVs', () => {
    const ivs = Array.from({ length: 2500 }, () => cipher.encrypt('13812345678').split(':')[1]);
    expect(new Set(ivs).size).toBe(2500);
    expect(ivs.every((iv) => Buffer.from(iv, 'base64').length === 12)).toBe(true);
  });

  it('detects tampering with the ciphertext, tag or IV', () => {
    const [v, iv, tag, ct] = cipher.encrypt('11010519491231002X').split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => cipher.decrypt([v, iv, tag, flip(ct)].join(':'))).toThrow(/authentication/);
    expect(() => cipher.decrypt([v, iv, flip(tag), ct].join(':'))).toThrow(/authentication/);
    expect(() => cipher.decrypt([v, flip(iv), tag, ct].join(':'))).toThrow(/authentication/);
  });

  it('refuses malformed tokens and tokens from another key', () => {
    const token = cipher.encrypt('secret');
    expect(() => cipher.decrypt('v2' + token.slice(2))).toThrow(/v1/);
    expect(() => cipher.decrypt('garbage')).toThrow();
    expect(() => cipher.decrypt('v1:AAAA:BBBB:CCCC')).toThrow(/malformed/);
    expect(() => new FieldCipher(OTHER_KEY, INDEX_KEY).decrypt(token)).toThrow(/authentication/);
  });

  it('does not put the token into error messages', () => {
    const token = cipher.encrypt('13812345678');
    const tampered = token.slice(0, -2) + (token.endsWith('A=') ? 'B=' : 'A=');
    try {
      cipher.decrypt(tampered);
      throw new Error('expected decrypt to throw');
    } catch (error) {
      expect((error as Error).message).not.toContain(tampered);
    }
  });

  it('computes a deterministic blind index of the normalised value', () => {
    const index = cipher.blindIndex('11010519491231002X');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('11010519491231002X')).toBe(index);
    expect(cipher.blindIndex(' 11010519491231002x ')).toBe(index);
    expect(cipher.blindIndex('１３８-1234-5678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345679')).not.toBe(cipher.blindIndex('13812345678'));
  });

  it('makes the blind index depend on the blind-index key only', () => {
    const index = cipher.blindIndex('13812345678');
    expect(new FieldCipher(OTHER_KEY, INDEX_KEY).blindIndex('13812345678')).toBe(index);
    expect(new FieldCipher(DATA_KEY, OTHER_KEY).blindIndex('13812345678')).not.toBe(index);
  });

  it('rejects bad keys', () => {
    expect(() => new FieldCipher('abc', INDEX_KEY)).toThrow(/64 hexadecimal/);
    expect(() => new FieldCipher(DATA_KEY, 'zz'.repeat(32))).toThrow(/64 hexadecimal/);
    expect(() => new FieldCipher(DATA_KEY, DATA_KEY)).toThrow(/differ/);
  });
});
