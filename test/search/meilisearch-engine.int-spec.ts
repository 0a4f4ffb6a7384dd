import { randomBytes } from 'node:crypto';
import { MeilisearchSearchEngine } from '@app/search';
import { describeSearchEngineContract } from '@app/search/testing';

const MEILI_URL = process.env.MEILI_URL;

if (MEILI_URL) {
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;
  describeSearchEngineContract('Meilisearch', async () => {
    const engine = new MeilisearchSearchEngine({ url: MEILI_URL, apiKey: process.env.MEILI_API_KEY, indexPrefix });
    return {
      engine,
      cleanup: async () => {
        const { Meilisearch } = await import('meilisearch');
        const client = new Meilisearch({ host: MEILI_URL, apiKey: process.env.MEILI_API_KEY });
        for (const name of ['seekers', 'shortages']) await client.deleteIndexIfExists(`${indexPrefix}${name}`);
      },
    };
  });
} else {
  console.warn('MEILI_URL not set: Meilisearch contract suite skipped (set MEILI_URL to a Meilisearch 1.15+ instance to run it)');
  describe.skip('MEILI_URL not set: Meilisearch contract suite skipped', () => {
    it('runs the SearchEngine contract against Meilisearch', () => undefined);
  });
}
