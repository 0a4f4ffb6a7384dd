import { Test } from '@nestjs/testing';
import { Taxonomy } from './taxonomy';
import { TaxonomyModule } from './taxonomy.module';

describe('TaxonomyModule', () => {
  it('provides the shared Taxonomy', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TaxonomyModule] }).compile();
    expect(moduleRef.get(Taxonomy)).toBe(Taxonomy.shared());
    await moduleRef.close();
  });
});
