import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFromHex(hex: string, name: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`FieldCipher: ${name} must be 64 hexadecimal characters (32 bytes)`);
  return Buffer.from(hex, 'hex');
}

/**
 * Encrypts personal data fields at rest (ID numbers, phones, bank accounts) with AES-256-GCM, and
 * computes blind indexes (keyed HMAC-SHA256) so encrypted values can still be looked up and de-duplicated.
 */
export class FieldCipher {
  private readonly dataKey: Buffer;
  private readonly blindIndexKey: Buffer;

  constructor(dataKeyHex: string, blindIndexKeyHex: string) {
    this.dataKey = keyFromHex(dataKeyHex, 'data key');
    this.blindIndexKey = keyFromHex(blindIndexKeyHex, 'blind-index key');
    if (this.dataKey.equals(this.blindIndexKey)) throw new Error('FieldCipher: the data key and the blind-index key must differ');
  }

  /** `v1:<iv>:<tag>:<ciphertext>`, base64 each; a fresh random IV every call. */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  /** Throws on a malformed, tampered or foreign-key token; the message never contains the token. */
  decrypt(token: string): string {
    const parts = typeof token === 'string' ? token.split(':') : [];
    if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('FieldCipher: not a v1 token');
    const [, ivB64, tagB64, ctB64] = parts;
    const iv = Buffer.from(ivB64, 'base64');
    const tag = Buffer.from(tagB64, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('FieldCipher: malformed token');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.dataKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('FieldCipher: token failed authentication (tampered or wrong key)');
    }
  }

  /**
   * Hex HMAC-SHA256 of the normalised value: Unicode NFKC (full-width to half-width), whitespace and
   * hyphens removed, upper case, so `11010519491231002x` and `138-1234-5678` match their canonical forms.
   */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.blindIndexKey).update(normalizeForBlindIndex(plain), 'utf8').digest('hex');
  }
}

export function normalizeForBlindIndex(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
}
