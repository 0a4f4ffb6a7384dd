import { Global, Module } from '@nestjs/common';
import { SkillVocabulary } from './skills';
import { Taxonomy } from './taxonomy';

/** Provides the shared `Taxonomy` and `SkillVocabulary` everywhere. */
@Global()
@Module({
  providers: [
    { provide: Taxonomy, useFactory: () => Taxonomy.shared() },
    { provide: SkillVocabulary, useFactory: () => SkillVocabulary.shared() },
  ],
  exports: [Taxonomy, SkillVocabulary],
})
export class TaxonomyModule {}
