import { SEARCH_ENGINE, SearchEngine, SearchModule } from '@app/search';
import { createTestApp, TestApp } from '@app/testing';

describe('SearchModule', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('provides the built-in PostgreSQL engine by default, on the app database', async () => {
    t = await createTestApp([SearchModule]);
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    expect(engine.kind).toBe('postgres');
    expect(await engine.health()).toEqual({ engine: 'postgres', status: 'up' });
    await engine.ensureIndex('seekers');
    expect(await engine.count('seekers')).toBe(0);
  });

  it('provides the Meilisearch engine when configured (reported down when nothing answers)', async () => {
    t = await createTestApp([SearchModule], { SEARCH_ENGINE: 'meilisearch', MEILI_URL: 'http://127.0.0.1:9' });
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    expect(engine.kind).toBe('meilisearch');
    expect(await engine.health()).toMatchObject({ engine: 'meilisearch', status: 'down' });
  });
});
