import { DataSource } from 'typeorm';
import { textFields } from '../document-analysis';
import { fieldHighlighter } from '../highlight';
import { assertNoPersonalIdentifiers } from '../pii-guard';
import { highlightTerms, planQueryText } from '../query-text';
import {
  SearchDocumentOf,
  SearchEngine,
  SearchEngineHealth,
  SearchFacet,
  SearchHit,
  SearchIndexName,
  SearchQuery,
  SearchResult,
} from '../search-engine';
import { assertIndexName, normalizeQuery } from '../search-query';
import { toSearchDocumentRow } from './postgres-document-row';
import { buildPostgresSearchSql } from './postgres-search-query';

const BATCH_SIZE = 500;

const UPSERT_SQL = `
INSERT INTO search_document AS d
  (index_name, id, doc, tsv, search_text, text_initials, han_bigrams, tags, region_code, wage_low, wage_high, skill_level, lat, lng, updated_at)
SELECT $1, r.id, r.doc,
  setweight(to_tsvector('simple', r.words_a), 'A') || setweight(to_tsvector('simple', r.words_b), 'B') || setweight(to_tsvector('simple', r.words_c), 'C'),
  r.search_text, r.text_initials, r.han_bigrams, r.tags, r.region_code, r.wage_low, r.wage_high, r.skill_level, r.lat, r.lng, r.updated_at
FROM jsonb_to_recordset($2::jsonb) AS r(id text, doc jsonb, words_a text, words_b text, words_c text, search_text text, text_initials text,
  han_bigrams text[], tags text[], region_code text, wage_low int, wage_high int, skill_level int, lat float8, lng float8, updated_at timestamptz)
ON CONFLICT (index_name, id) DO UPDATE SET
  doc = excluded.doc, tsv = excluded.tsv, search_text = excluded.search_text, text_initials = excluded.text_initials, han_bigrams = excluded.han_bigrams,
  tags = excluded.tags, region_code = excluded.region_code, wage_low = excluded.wage_low, wage_high = excluded.wage_high,
  skill_level = excluded.skill_level, lat = excluded.lat, lng = excluded.lng, updated_at = excluded.updated_at`;

/**
 * The built-in engine: one `search_document` table (migration SearchDocuments…) in the app's database.
 * Chinese text is segmented with jieba into a tsvector; pg_trgm serves substring matches; filters are tags.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async ensureIndex(name: SearchIndexName): Promise<void> {
    assertIndexName(name);
    const [row] = await this.dataSource.query(`SELECT to_regclass('search_document') IS NOT NULL AS ready`);
    if (!row.ready) throw new Error('the search_document table is missing: apply the database migrations first');
  }

  async upsert<N extends SearchIndexName>(name: N, documents: readonly SearchDocumentOf<N>[]): Promise<void> {
    assertIndexName(name);
    assertNoPersonalIdentifiers(documents);
    // The last version of a repeated id wins; one INSERT … ON CONFLICT may not touch a row twice.
    const unique = [...new Map(documents.map((d) => [d.id, d])).values()];
    const batches: SearchDocumentOf<N>[][] = [];
    for (let i = 0; i < unique.length; i += BATCH_SIZE) batches.push(unique.slice(i, i + BATCH_SIZE));
    // Two batches in flight: one is analysed (jieba, pinyin) here while PostgreSQL writes the other.
    const writer = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const rows = batch.map((doc) => toSearchDocumentRow(name, doc));
        await this.dataSource.query(UPSERT_SQL, [name, JSON.stringify(rows)]);
      }
    };
    await Promise.all([writer(), writer()]);
  }

  async delete(name: SearchIndexName, ids: readonly string[]): Promise<void> {
    assertIndexName(name);
    if (ids.length > 0) await this.dataSource.query(`DELETE FROM search_document WHERE index_name = $1 AND id = ANY($2::text[])`, [name, ids]);
  }

  async get<N extends SearchIndexName>(name: N, id: string): Promise<SearchDocumentOf<N> | null> {
    assertIndexName(name);
    const rows: { doc: SearchDocumentOf<N> }[] = await this.dataSource.query(`SELECT doc FROM search_document WHERE index_name = $1 AND id = $2`, [name, id]);
    return rows[0]?.doc ?? null;
  }

  async listIds(name: SearchIndexName, afterId?: string, limit = 1000): Promise<string[]> {
    assertIndexName(name);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM search_document WHERE index_name = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [name, afterId ?? null, limit],
    );
    return rows.map((r) => r.id);
  }

  async count(name: SearchIndexName): Promise<number> {
    assertIndexName(name);
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM search_document WHERE index_name = $1`, [name]);
    return row.n;
  }

  /**
   * Moves the GIN indexes' pending entries (fastupdate: inserts are queued in an unsorted list that every search
   * scans) into their trees, and refreshes the planner's statistics. Autovacuum does both in time, but not within
   * seconds of a bulk load, nor where it is off: right after a rebuild of 6,000 shortages the B14 job search took
   * 55-80 ms (a scan of every shortage, detoasting each) instead of ~1 ms through the GIN indexes.
   * Both need the table's owner: under the services' own role (deploy/postgres, not the owner) this does nothing
   * and autovacuum stays in charge.
   */
  async settle(name: SearchIndexName): Promise<void> {
    assertIndexName(name);
    const [{ owner }] = await this.dataSource.query(`SELECT pg_has_role(relowner, 'USAGE') AS owner FROM pg_class WHERE oid = 'search_document'::regclass`);
    if (!owner) return;
    await this.dataSource.query(
      `SELECT gin_clean_pending_list(i.indexrelid)
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       WHERE i.indrelid = 'search_document'::regclass AND am.amname = 'gin'`,
    );
    await this.dataSource.query(`ANALYZE search_document`);
  }

  async search<N extends SearchIndexName>(name: N, input: SearchQuery): Promise<SearchResult<SearchDocumentOf<N>>> {
    assertIndexName(name);
    const query = normalizeQuery(input);
    const plans = planQueryText(query.q);
    const sql = buildPostgresSearchSql(name, query, plans);
    // Hit rows carry the total (a window count); the count query runs for facets, or for a page past the end.
    const countRows = (): Promise<CountRow[]> => this.dataSource.query(sql.counts.sql, sql.counts.params);
    const withFacets = query.facets.length > 0;
    const [rows, counts]: [HitRow<SearchDocumentOf<N>>[], CountRow[]] = await Promise.all([
      this.dataSource.query(sql.hits.sql, sql.hits.params),
      withFacets ? countRows() : [],
    ]);
    let total = rows[0]?.total ?? 0;
    if (!withFacets && rows.length === 0 && query.offset > 0) counts.push(...(await countRows()));
    const highlighter = plans.length > 0 ? fieldHighlighter(highlightTerms(plans)) : undefined;
    const hits = rows.map((row): SearchHit<SearchDocumentOf<N>> => {
      const hit: SearchHit<SearchDocumentOf<N>> = { id: row.id, document: row.doc };
      if (row.score !== null) hit.score = Number(row.score);
      if (row.distance_km !== null) hit.distanceKm = Math.round(Number(row.distance_km) * 1000) / 1000;
      const highlight = highlighter?.(textFields(name, row.doc));
      if (highlight) hit.highlight = highlight;
      return hit;
    });
    const facets: SearchResult<unknown>['facets'] = Object.fromEntries(query.facets.map((f) => [f, {}]));
    for (const { facet, value, count } of counts) {
      if (facet === 'total') total = count;
      else facets[facet as SearchFacet]![value!] = count;
    }
    return { hits, total, facets, offset: query.offset, limit: query.limit };
  }

  async health(): Promise<SearchEngineHealth> {
    try {
      const [row] = await this.dataSource.query(
        `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm, to_regclass('search_document') IS NOT NULL AS has_table`,
      );
      if (!row.trgm) return { engine: this.kind, status: 'down', message: 'the pg_trgm extension is not installed' };
      if (!row.has_table) return { engine: this.kind, status: 'down', message: 'the search_document table is missing (migrations not applied)' };
      return { engine: this.kind, status: 'up' };
    } catch (error) {
      return { engine: this.kind, status: 'down', message: (error as Error).message };
    }
  }
}

interface HitRow<D> {
  id: string;
  doc: D;
  score: number | null;
  distance_km: number | null;
  total: number;
}

interface CountRow {
  facet: string;
  value: string | null;
  count: number;
}
