import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Principal, User } from '@app/auth';
import { shanghaiDate } from '@app/clock';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { migrateDatabase } from '@app/database';
import { generateDataset, Tier, TIER_SIZES } from '@app/demo-data';
import {
  buildShortageTemplate, Employer, MAX_IMPORT_ROWS, Pairing, parseShortageRows, Shortage, SHORTAGE_SHEET, shortageCells,
  ShortageImportService,
} from '@app/employer-demand';
import { Taxonomy } from '@app/taxonomy';
import { measureAsync, report } from './measure';

/**
 * IMPORT: a generated shortage workbook imported by an officer paired with every employer, in a scratch database
 * (created, migrated and dropped here). Timed: reading the .xlsx, validating every row, resolving employers and
 * writing shortages with their transitions and outbox rows in chunked transactions, as the background job does.
 * Each timed run imports new 需求编号, so every run creates rows. Rows that fail validation are counted on stderr.
 */
export async function benchImport(tier: Tier, seed: number): Promise<void> {
  const dataset = generateDataset({ seed, tier, referenceDate: shanghaiDate() });
  const n = Math.min(Math.max(TIER_SIZES[tier].shortages, 5000), MAX_IMPORT_ROWS);
  const taxonomy = Taxonomy.shared();
  const creditCodes = new Map([...dataset.employers()].map((e) => [e.key, e.creditCode]));

  await withScratchDatabase(async (url) => {
    const config = loadConfig(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false' });
    const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, []), { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const principal = await officerPairedWithAll(dataSource, [...dataset.employers()]);
      const imports = app.get(ShortageImportService);

      let run = 0;
      let file = Buffer.alloc(0);
      let failed = 0;
      const prepare = async () => {
        const workbook = buildShortageTemplate(taxonomy);
        const sheet = workbook.getWorksheet(SHORTAGE_SHEET)!;
        for (let i = 0; i < n; i++) {
          const s = dataset.shortageAt(i % dataset.counts.shortages);
          const shortage = { ...s, externalRef: `B${run}-${i}`, title: `招聘${taxonomy.occupation(s.occupationCode)?.name ?? s.occupationCode}` };
          sheet.addRow(shortageCells(shortage as unknown as Shortage, { creditCode: creditCodes.get(s.employerKey)! }, taxonomy));
        }
        file = Buffer.from(await workbook.xlsx.writeBuffer());
        run += 1;
      };
      const importOnce = async () => {
        const report = await imports.importRows(principal, await parseShortageRows(file), { mode: 'partial' });
        failed = report.failed;
      };
      report(await measureAsync('IMPORT', tier, seed, n, 'rows/s (parse+validate+write, PostgreSQL)', 3, importOnce, prepare));
      if (failed) console.error(`IMPORT: ${failed} of ${n} generated rows failed validation (${n - failed} written per run)`);
    } finally {
      await app.close();
    }
  });
}

/** The employers as rows, and an officer paired with each of them. */
async function officerPairedWithAll(dataSource: DataSource, employers: { key: string; name: string; creditCode: string; industryCode: string; sizeClass: string; ownership: string; regionCode: string; address: string }[]): Promise<Principal> {
  const officer = await dataSource.getRepository(User).save({ username: 'bench-officer', passwordHash: 'x', role: 'officer' as const, displayName: '基准测试专员', regionCode: '460100' });
  for (let i = 0; i < employers.length; i += 1000) {
    const chunk = employers.slice(i, i + 1000);
    const result = await dataSource.getRepository(Employer).insert(chunk.map(({ key: _key, ...e }) => e as Partial<Employer>));
    await dataSource.getRepository(Pairing).insert(result.identifiers.map(({ id }) => ({ officerId: officer.id, employerId: id as string })));
  }
  return { userId: officer.id, role: 'officer', employerId: null, seekerId: null, regionCode: '460100' };
}

/** A migrated database on the server of DATABASE_URL, dropped afterwards whatever happens. */
async function withScratchDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const server = new URL(loadConfig().DATABASE_URL);
  const name = `pes_bench_import_${randomBytes(5).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDatabase({ DATABASE_URL: url.toString() });
  try {
    await fn(url.toString());
  } finally {
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
}
