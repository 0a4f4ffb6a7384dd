import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { FieldCipher } from '@app/crypto';
import { generateDataset, Seeker as GeneratedSeeker, Tier, TIER_SIZES } from '@app/demo-data';
import { IndexSyncService } from '@app/indexing';
import { SEARCH_ENGINE, SearchEngine } from '@app/search';
import { ingestSeekers, SeekerIngestRow } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { MatcherModule } from '../apps/matcher/src/matcher.module';
import { elapsedMs, fromTimes, measureAsync, report } from './measure';
import { withScratchSearch } from './search-scratch-database';

/** A generated seeker as a bulk-ingest row. */
export const toRow = (s: GeneratedSeeker): SeekerIngestRow => ({
  name: s.name, residentId: s.residentId, phone: s.phone, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng,
  travelRadiusKm: s.travelRadiusKm, desiredOccupations: s.desiredOccupations, skills: s.skills, certificates: s.certificates,
  skillLevel: s.skillLevel, education: s.education, experience: s.experience, wageExpectation: s.wageExpectation,
  availableFrom: s.availableFrom, workTypes: s.workTypes, languages: s.languages,
  priorityGroups: s.priorityGroups.map((claim) => ({ ...claim, verifiedBy: null })), consentSensitiveMatching: s.consentToSensitiveMatching,
});

/**
 * B1: validated bulk seeker ingest into a scratch database: checksums, codes, encryption and blind indexes of ID
 * number and phone, COPY into a staging table and one INSERT … SELECT per chunk with one outbox row per seeker. Each
 * timed run ingests a fresh slice.
 */
export async function benchIngest(tier: Tier, seed: number): Promise<void> {
  const dataset = generateDataset({ seed, tier });
  const n = Math.min(TIER_SIZES[tier].seekers, 50_000);
  await withScratchApp([], async (app) => {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const cipher = app.get(FieldCipher);
    const taxonomy = Taxonomy.shared();
    let run = 0;
    let rows: SeekerIngestRow[] = [];
    const prepare = async () => {
      const from = (run * n) % TIER_SIZES[tier].seekers;
      rows = [...dataset.seekers(from, Math.min(from + n, TIER_SIZES[tier].seekers))].map(toRow);
      run += 1;
      await dataSource.query('TRUNCATE seeker CASCADE');
    };
    const ingest = async () => {
      await dataSource.transaction((manager) => ingestSeekers(manager, rows, cipher, taxonomy));
    };
    report(await measureAsync('B1', tier, seed, n, 'seekers/s (validated, encrypted, with outbox)', 3, ingest, prepare));
  });
}

/**
 * B3: 1,000 changed seekers until searchable, through the real path: a change and its outbox row commit, the
 * matcher's relay queues it in Redis, the worker re-indexes and re-matches it. Latency per seeker from commit to
 * searchable, polled while the changes are written, on a worker that has finished the ingest's backlog.
 */
export async function benchIncrementalIndex(tier: Tier, seed: number): Promise<void> {
  const dataset = generateDataset({ seed, tier });
  await withScratchApp([MatcherModule], async (app) => {
    {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const engine = app.get<SearchEngine>(SEARCH_ENGINE);
      const n = 1000;
      const rows = [...dataset.seekers(0, Math.min(TIER_SIZES[tier].seekers, 10_000))].map(toRow);
      await dataSource.transaction((manager) => ingestSeekers(manager, rows, app.get(FieldCipher), Taxonomy.shared()));
      const ids: string[] = (await dataSource.query(`SELECT id FROM seeker ORDER BY id LIMIT ${n}`)).map((row: { id: string }) => row.id);
      await app.get(IndexSyncService).syncSeekers(ids);
      // The ingest's own outbox rows (one per seeker) are worked off first: B3 times changes, not B1's backlog.
      const drainedBy = Date.now() + 600_000;
      while ((await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`))[0].n > 0 && Date.now() < drainedBy) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      // Polls while the changes are still being written, so a seeker's latency is its own (commit to searchable),
      // not the time left to write the changes after it.
      const [{ lastOutboxId }] = await dataSource.query(`SELECT coalesce(max(id), 0)::text AS "lastOutboxId" FROM outbox_event`);
      const committedAt = new Map<string, bigint>();
      const latencies: number[] = [];
      const pending = new Set<string>();
      let writing = true;
      const started = process.hrtime.bigint();
      const deadline = Date.now() + 120_000;
      const poll = (async () => {
        while ((writing || pending.size) && Date.now() < deadline) {
          if (!pending.size) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
          const [{ wages }] = await dataSource.query(`SELECT json_object_agg(id, wage_expectation) AS wages FROM seeker WHERE id = ANY($1)`, [[...pending]]);
          for (const id of [...pending]) {
            const document = await engine.get('seekers', id);
            if (document && document.wageExpectation === wages[id]) {
              latencies.push(elapsedMs(committedAt.get(id)!));
              pending.delete(id);
            }
          }
        }
      })();
      for (const id of ids) {
        await dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE seeker SET wage_expectation = wage_expectation + 1, updated_at = now() WHERE id = $1`, [id]);
          await manager.query(`INSERT INTO outbox_event (topic, aggregate_id) VALUES ('seeker.changed', $1)`, [id]);
        });
        committedAt.set(id, process.hrtime.bigint());
        pending.add(id);
      }
      const writeMs = elapsedMs(started);
      writing = false;
      await poll;
      const total = elapsedMs(started);
      if (pending.size) console.error(`B3: ${pending.size} of ${n} seekers were not searchable within 120 s`);
      const [worker] = await dataSource.query(
        `SELECT percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at) * 1000) AS ms
           FROM outbox_event WHERE id > $1`,
        [lastOutboxId],
      );
      console.error(`B3: writing the ${n} changes took ${Math.round(writeMs)} ms; outbox row to acknowledged p50/p95 ${worker.ms?.map(Math.round).join('/')} ms`);
      report(fromTimes('B3', tier, seed, n, 'changed seekers/s until searchable (latency per seeker)', latencies, Math.round((latencies.length / total) * 1000)));
    }
  });
}

/** The platform's modules on a scratch database (created, migrated, dropped) with a private queue prefix. */
async function withScratchApp(features: Type<unknown>[], fn: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  await withScratchSearch(async ({ dataSource: scratch }) => {
    const url = (scratch.options as { url: string }).url;
    const config = loadConfig(process.env, {
      DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false', QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    });
    const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, features), { logger: false });
    try {
      await fn(app);
    } finally {
      await app.close();
    }
  });
}
