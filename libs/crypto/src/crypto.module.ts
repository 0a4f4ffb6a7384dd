import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { FieldCipher } from './field-cipher';

/** Provides one FieldCipher built from AppConfig's DATA_KEY and BLIND_INDEX_KEY. Needs ConfigModule. */
@Global()
@Module({
  providers: [
    {
      provide: FieldCipher,
      useFactory: (config: AppConfig) => new FieldCipher(config.DATA_KEY, config.BLIND_INDEX_KEY),
      inject: [AppConfig],
    },
  ],
  exports: [FieldCipher],
})
export class CryptoModule {}
