import { Global, Module } from '@nestjs/common';
import { Taxonomy } from './taxonomy';

/** Provides the shared `Taxonomy` everywhere. */
@Global()
@Module({
  providers: [{ provide: Taxonomy, useFactory: () => Taxonomy.shared() }],
  exports: [Taxonomy],
})
export class TaxonomyModule {}
