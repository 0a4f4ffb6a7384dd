import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@app/config';
import { CryptoModule } from './crypto.module';
import { FieldCipher } from './field-cipher';

describe('CryptoModule', () => {
  it('provides a FieldCipher built from AppConfig', async () => {
    const config = loadConfig({}, { DATA_KEY: '12'.repeat(32), BLIND_INDEX_KEY: '34'.repeat(32) });
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), CryptoModule] }).compile();
    const cipher = moduleRef.get(FieldCipher);
    expect(cipher).toBeInstanceOf(FieldCipher);
    expect(cipher.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
    expect(cipher.blindIndex('x')).toBe(new FieldCipher('56'.repeat(32), '34'.repeat(32)).blindIndex('x'));
    await moduleRef.close();
  });
});
