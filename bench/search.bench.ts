import { Dataset, generateDataset, Tier } from '@app/demo-data';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { MAX_OFFSET, PostgresSearchEngine, regionCodeLevels, SearchDocument, SearchIndexName, SearchQuery, SeekerSearchDocument, ShortageSearchDocument } from '@app/search';
import { Taxonomy } from '@app/taxonomy';
import { elapsedMs, fromTimes, measureAsync, report } from './measure';
import { seekerDocument, shortageDocument } from './search-bench-documents';
import { ScratchSearch, withScratchSearch } from './search-scratch-database';
import { withTierDatabase } from './tier-database';

/** Search benchmarks (benchmarks.md B2, B4, B5) on the built-in PostgreSQL engine, in a scratch database. */

function documents(tier: Tier, seed: number) {
  const dataset = generateDataset({ seed, tier });
  const taxonomy = Taxonomy.shared();
  return {
    dataset,
    seekers: [...dataset.seekers()].map((s) => seekerDocument(s, taxonomy)),
    shortages: [...dataset.shortages()].map((s) => shortageDocument(s, dataset, taxonomy)),
  };
}

/** B2: full (re)index of every seeker into an empty index, documents already built; docs/s. */
export async function benchIndexRate(tier: Tier, seed: number): Promise<void> {
  const { seekers } = documents(tier, seed);
  await withScratchSearch(async ({ engine, clear }) => {
    await engine.upsert('seekers', seekers.slice(0, 10)); // warm up: segmenter dictionary, connections
    report(await measureAsync('B2', tier, seed, seekers.length, 'docs/s', 3, () => engine.upsert('seekers', seekers), clear));
  });
}

/**
 * B4: candidate search for shortages (occupation + region + distance + wage + certificates + skill words) on the
 * tier's seekers, built-in PostgreSQL engine; the index is kept between runs at L (tier-database.ts). Sequential
 * (1 client) and with 8 concurrent clients over one pool, in the same run: p50/p95 and queries per second each.
 * `BENCH_B4_SEEKERS=N` indexes only the tier's first N seekers, in a scratch database (the queries stay the tier's):
 * how the figures grow with the index between two tiers.
 */
export async function benchCandidateSearch(tier: Tier, seed: number): Promise<void> {
  const dataset = generateDataset({ seed, tier });
  const seekers = process.env.BENCH_B4_SEEKERS ? Number(process.env.BENCH_B4_SEEKERS) : undefined;
  if (seekers !== undefined) {
    if (!(Number.isInteger(seekers) && seekers > 0 && seekers <= dataset.counts.seekers)) throw new Error(`BENCH_B4_SEEKERS must be 1 to ${dataset.counts.seekers}`);
    await withScratchSearch(async ({ engine, dataSource }) => {
      await indexSeekers(engine, dataSource, dataset, tier, seekers);
      await measureCandidateSearch(engine, dataSource, dataset, tier, seed, seekers);
    });
    return;
  }
  await withTierDatabase(
    { purpose: 'search', tier, seed, version: 'search-1' },
    (url) => withSearchEngine(url, ({ engine, dataSource }) => indexSeekers(engine, dataSource, dataset, tier, dataset.counts.seekers)),
    (url) => withSearchEngine(url, ({ engine, dataSource }) => measureCandidateSearch(engine, dataSource, dataset, tier, seed)),
  );
}

async function indexSeekers(engine: PostgresSearchEngine, dataSource: DataSource, dataset: Dataset, tier: Tier, count: number): Promise<void> {
  const taxonomy = Taxonomy.shared();
  const started = Date.now();
  let chunk: SeekerSearchDocument[] = [];
  let done = 0;
  for (const seeker of dataset.seekers()) {
    if (done + chunk.length === count) break;
    chunk.push(seekerDocument(seeker, taxonomy));
    if (chunk.length === 10_000) {
      await engine.upsert('seekers', chunk);
      done += chunk.length;
      chunk = [];
      if (done % 100_000 === 0) console.error(`B4: ${tier} indexed ${done} of ${count} seekers in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  await engine.upsert('seekers', chunk);
  await dataSource.query('VACUUM ANALYZE search_document');
}

async function measureCandidateSearch(engine: PostgresSearchEngine, dataSource: DataSource, dataset: Dataset, tier: Tier, seed: number, seekers?: number): Promise<void> {
  const sharedBuffers = await prewarmSearchTable(dataSource);
  const hugePagesMb = hugePagesInUseMb();
  const queries = candidateQueries(dataset, 300);
  // Every query once on every connection of the pool, untimed: a PostgreSQL backend maps each shared buffer it touches
  // the first time (with 4 GB of buffers in 4 KB pages, fresh connections spent a quarter of the CPU in the kernel and
  // 8 clients ran at half the rate of warm ones), as a server's long-lived connections have long done.
  await runQueries(engine, queries, 8);
  for (const clients of [1, 8]) {
    const loadBefore = loadavg()[0];
    const started = process.hrtime.bigint();
    const times = await runQueries(engine, queries, clients);
    const qps = Math.round((queries.length / elapsedMs(started)) * 1000);
    const unit = clients === 1 ? 'queries/s (sequential)' : `queries/s (${clients} concurrent clients)`;
    const load = [loadBefore, loadavg()[0]].map((x) => Math.round(x * 100) / 100);
    report({
      ...fromTimes('B4', tier, seed, queries.length, unit, times, qps),
      clients,
      load,
      shared_buffers: sharedBuffers,
      huge_pages_mb: hugePagesMb,
      ...(seekers !== undefined && { seekers }),
    });
  }
}

/** Each query once, `clients` at a time; the time of each. */
async function runQueries(engine: PostgresSearchEngine, queries: SearchQuery[], clients: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < queries.length; i = next++) {
        const one = process.hrtime.bigint();
        await engine.search('seekers', queries[i]);
        times.push(elapsedMs(one));
      }
    }),
  );
  return times;
}

/**
 * The machine's huge pages in use or reserved (/proc/meminfo), in MB: PostgreSQL (`huge_pages = try`, the default)
 * puts its shared buffers there when the operating system has them (`vm.nr_hugepages`); 0 means 4 KB pages, null
 * that the machine does not say.
 */
function hugePagesInUseMb(): number | null {
  if (!existsSync('/proc/meminfo')) return null; // not Linux
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)?.[1] ?? 0);
  return Math.round(((field('HugePages_Total') - field('HugePages_Free') + field('HugePages_Rsvd')) * field('Hugepagesize')) / 1024);
}

/**
 * The search table and its indexes read into PostgreSQL's buffers (pg_prewarm), as on a server that has been answering
 * searches for a while: B4 measures that steady state, not the first reads from disk. How much stays depends on
 * `shared_buffers` (returned, and printed with the figures): at L the table and its indexes are ~2.8 GB, so with
 * PostgreSQL's default of 128 MB every broad query reads most of its pages from the operating system's cache.
 */
async function prewarmSearchTable(dataSource: DataSource): Promise<string> {
  const [{ shared_buffers: sharedBuffers }] = await dataSource.query(`SHOW shared_buffers`);
  const started = Date.now();
  await dataSource.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
  const [{ blocks }] = await dataSource.query(
    `SELECT sum(pg_prewarm(c.oid::regclass))::bigint AS blocks FROM pg_class c
      WHERE c.oid = 'search_document'::regclass OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'search_document'::regclass)
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'search_document'::regclass)`,
  );
  console.error(`B4: ${blocks} blocks of the search table, its TOAST table and its indexes read into shared_buffers (${sharedBuffers}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return sharedBuffers as string;
}

/** The PostgreSQL engine on a database (a pool of 10 connections: enough for B4's 8 clients). */
async function withSearchEngine<T>(url: string, fn: (scratch: { engine: PostgresSearchEngine; dataSource: DataSource }) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: url }));
  await dataSource.initialize();
  try {
    return await fn({ engine: new PostgresSearchEngine(dataSource), dataSource });
  } finally {
    await dataSource.destroy();
  }
}

/** Realistic mixed candidate searches, derived from the generated shortages. */
export function candidateQueries(dataset: Dataset, count: number): SearchQuery[] {
  const queries: SearchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const s = dataset.shortageAt(i % dataset.counts.shortages);
    const query: SearchQuery = {
      occupationCodes: [i % 3 === 0 ? s.occupationCode.split('-').slice(0, 3).join('-') : s.occupationCode],
      regionCodes: [regionCodeLevels(s.regionCode).at(-1)!],
      near: { lat: s.lat, lng: s.lng, radiusKm: 30 },
      wageMax: s.wageMax,
      sort: i % 2 === 0 ? { by: 'relevance' } : { by: 'distance' },
      limit: 20,
    };
    if (i % 2 === 0 && s.requiredCertificates.length > 0) query.certificates = s.requiredCertificates.slice(0, 1);
    if (i % 3 !== 2 && s.requiredSkills.length > 0) query.q = s.requiredSkills[i % s.requiredSkills.length].name;
    queries.push(query);
  }
  return queries;
}

interface LabelledQuery {
  index: SearchIndexName;
  q: string;
  /** A document is relevant when one of its text fields contains any of these (the word or its synonyms). */
  accepts: string[];
}

const LABELLED: LabelledQuery[] = [
  ...(['护理', '处理', '电工', '保育', '养老护理员', '驾驶员', '消毒'] as const).map((q) => ({ index: 'seekers' as const, q, accepts: [q] })),
  { index: 'seekers', q: '厨师', accepts: ['厨师', '中式烹调师', '西式烹调师'] },
  ...(['处理', '待处理', '护理', '电工', '保育', '培训'] as const).map((q) => ({ index: 'shortages' as const, q, accepts: [q] })),
  { index: 'shortages', q: '厨师', accepts: ['厨师', '中式烹调师', '西式烹调师'] },
];

function labelText(index: SearchIndexName, doc: SearchDocument): string {
  if (index === 'seekers') {
    const d = doc as SeekerSearchDocument;
    return [d.name, ...d.occupationNames, ...d.skillNames, ...d.languages].join('\n');
  }
  const d = doc as ShortageSearchDocument;
  return [d.title, ...d.occupationNames, ...d.skillNames, d.employerName, d.description, d.trainingOffered ?? ''].join('\n');
}

/** B5: recall@50 on labelled skill and occupation queries (expected sets by substring rules); mean over queries. */
export async function benchChineseRecall(tier: Tier, seed: number): Promise<void> {
  const docs = documents(tier, seed);
  await withScratchSearch(async (scratch) => {
    await scratch.engine.upsert('seekers', docs.seekers);
    await scratch.engine.upsert('shortages', docs.shortages);
    const times: number[] = [];
    const recalls: number[] = [];
    for (const label of LABELLED) {
      const corpus: SearchDocument[] = label.index === 'seekers' ? docs.seekers : docs.shortages;
      const expected = new Set(corpus.filter((d) => label.accepts.some((a) => labelText(label.index, d).includes(a))).map((d) => d.id));
      const started = process.hrtime.bigint();
      const top = await scratch.engine.search(label.index, { q: label.q, limit: 50 });
      times.push(elapsedMs(started));
      const recallAt50 = expected.size === 0 ? 1 : top.hits.filter((h) => expected.has(h.id)).length / Math.min(50, expected.size);
      recalls.push(recallAt50);
      // Full recall and precision too, while every hit can still be paged through.
      const all = top.total <= MAX_OFFSET ? await allIds(scratch, label) : undefined;
      const found = all?.filter((id) => expected.has(id)).length ?? 0;
      console.error(
        JSON.stringify({
          B5: `${label.index}:${label.q}`,
          expected: expected.size,
          total: top.total,
          recall_at_50: round3(recallAt50),
          recall: all ? round3(expected.size ? found / expected.size : 1) : null,
          precision: all ? round3(all.length ? found / all.length : 1) : null,
        }),
      );
    }
    const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
    report(fromTimes('B5', tier, seed, LABELLED.length, 'mean recall@50', times, round3(mean)));
  });
}

async function allIds({ engine }: ScratchSearch, label: LabelledQuery): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < MAX_OFFSET; offset += 100) {
    const page = await engine.search(label.index, { q: label.q, offset, limit: 100, sort: { by: 'date' } });
    ids.push(...page.hits.map((h) => h.id));
    if (page.hits.length < 100) break;
  }
  return ids;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
