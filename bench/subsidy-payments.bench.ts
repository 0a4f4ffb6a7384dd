import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/auth';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { FieldCipher } from '@app/crypto';
import { migrateDatabase } from '@app/database';
import { Tier } from '@app/demo-data';
import { FIXTURE_PEOPLE, FIXTURE_EMPLOYER, stubEvidence, TEST_PARAMETERS } from '@app/subsidies/testing';
import {
  ClaimsService, decideGraduateHiring, FraudChecksService, gatherGraduateHiring, maskedLine, noticeWorkbook, SubsidyPaymentsService, SubsidyRecordsService,
} from '@app/subsidies';
import { elapsedMs, fromTimes, report } from './measure';

/** Claims per tier for the fraud benchmarks (L is policy.md's 1M claims with 12M contribution-months). */
const CLAIMS: Record<Tier, number> = { demo: 2_000, S: 10_000, M: 100_000, L: 1_000_000 };

/** The parts of this benchmark, selectable with `--only` (S3-S7 runs them all). */
export const SUBSIDY_DB_PARTS = ['S3', 'S4', 'S5', 'S6', 'S7'] as const;
export type SubsidyDbPart = (typeof SUBSIDY_DB_PARTS)[number];

/** Rows of the 公示 list in S6 (policy.md: 10k claims). */
const NOTICE_ROWS = 10_000;

/**
 * S3–S7 (policy.md section 6) on a scratch database (created, migrated, dropped here), seeded set-based:
 * `n` live claims of the mix with facts and payees (a few shared accounts, duplicate people, bursts), 12 insured
 * months per person, exclusion lists; then
 * - S3-DECISION: one G1 decision with the ports cached (the stub's answers in memory), kept as evidence snapshots and a
 *   decision record in one transaction: p95 (target <= 200 ms);
 * - S4-FRAUD-NIGHTLY: every fraud check over every live claim, set-based (target <= 5 min at 1M claims);
 * - S5-FRAUD-SUBMIT: every check on one submitted claim among them: p95 (target <= 500 ms);
 * - S6-NOTICE-LIST: the 公示 list of 10k claims in notice read through `ClaimsService.noticeList` (ID numbers decrypted,
 *   latest decisions), masked, and written as the Excel workbook the route serves (target <= 10 s);
 * - S7-PAYMENT-BATCH: a batch of 100k approved claims (their instalments registered at approval beforehand, timed
 *   apart; the batch registers none that are missing, picks the due ones and writes the bank-file rows) and its bank
 *   file exported (target <= 30 s).
 */
export async function benchSubsidyPayments(tier: Tier, seed: number, parts: readonly SubsidyDbPart[] = SUBSIDY_DB_PARTS): Promise<void> {
  const n = CLAIMS[tier];
  const runs = (part: SubsidyDbPart) => parts.includes(part);
  await withScratchDatabase(async (url) => {
    const config = loadConfig(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false' });
    const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, []), { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const inCls = <T>(fn: () => Promise<T>) => app.get(ClsService).run(() => app.get(TransactionHost).withTransaction(fn));
      const seedStarted = process.hrtime.bigint();
      await seedClaims(dataSource, n, seed);
      console.error(`S4: seeded ${n} claims and ${n * 12} insured months in ${Math.round(elapsedMs(seedStarted) / 1000)} s`);

      if (runs('S3')) await benchDecision();
      if (runs('S4')) await benchNightly();
      if (runs('S5')) await benchSubmission();
      if (runs('S6')) await benchNoticeList();
      if (runs('S7')) await benchBatch();

      async function benchDecision(): Promise<void> {
        // S3: one decision, ports cached.
        const evidence = stubEvidence();
        const records = app.get(SubsidyRecordsService);
        const [{ id: claimId }] = await dataSource.query(`INSERT INTO subsidy_claim (rule, status, origin, claimant_kind, subject_key) VALUES ('G1', 'submitted', 'applied', 'employer', 's3') RETURNING id`);
        const hire = {
          asOf: '2026-03-01', idNumber: FIXTURE_PEOPLE.graduate, employerCode: FIXTURE_EMPLOYER, hireDate: '2025-06-15',
          employer: { kind: 'enterprise' as const, size: 'small' as const, stateOwned: false }, contract: { end: null, dispatch: false }, priorAwards: [],
        };
        const s3: number[] = [];
        for (let k = 0; k < 220; k++) {
          const started = process.hrtime.bigint();
          await inCls(async () => {
            const { facts, answers } = await gatherGraduateHiring(evidence, hire);
            const decision = decideGraduateHiring(facts, TEST_PARAMETERS);
            const ids: string[] = [];
            for (const answer of answers) {
              if (answer.available) ids.push(await records.keepEvidence({ port: answer.port, subjectKey: 's3', source: answer.source, fetchedAt: answer.fetchedAt, payload: answer.records }));
            }
            await records.recordDecision(claimId, decision, ids);
          });
          if (k >= 20) s3.push(elapsedMs(started));
      }
      report({ ...fromTimes('S3-DECISION', tier, seed, s3.length, 'decisions/s', s3), target: 'p95 <= 200 ms', claims_in_database: n });
      }

      async function benchNightly(): Promise<void> {
        // S4: nightly, set-based over every live claim.
        const fraud = app.get(FraudChecksService);
        const nightlyStarted = process.hrtime.bigint();
        const nightly = await app.get(ClsService).run(() => fraud.runNightly());
        const nightlyMs = elapsedMs(nightlyStarted);
        report({
          ...fromTimes('S4-FRAUD-NIGHTLY', tier, seed, n, 'claims/s', [nightlyMs]), target: '<= 300 s at 1M claims and 12M contribution-months',
          insured_months: n * 12, findings: nightly.findings, cases_raised: nightly.raised, by_check: nightly.byCheck,
        });
      }

      async function benchSubmission(): Promise<void> {
        // S5: the checks of one submission, on claims spread over the table.
        const fraud = app.get(FraudChecksService);
        const sample: { id: string }[] = await dataSource.query(`SELECT id FROM subsidy_claim WHERE subject_key LIKE 'b%' ORDER BY md5(id::text || $1) LIMIT 120`, [String(seed)]);
        const s5: number[] = [];
        for (const [k, { id }] of sample.entries()) {
          const started = process.hrtime.bigint();
          await inCls(() => fraud.checkClaims([id]));
          if (k >= 20) s5.push(elapsedMs(started));
      }
      report({ ...fromTimes('S5-FRAUD-SUBMIT', tier, seed, s5.length, 'submissions/s', s5), target: 'p95 <= 500 ms', claims_in_database: n });
      }

      async function benchNoticeList(): Promise<void> {
        // S6: the 公示 list of 10k claims in notice, as the route serves it (JSON lines masked, then the workbook).
        await seedNotice(dataSource, app.get(FieldCipher), NOTICE_ROWS);
        const claims = app.get(ClaimsService);
        const province: Principal = { userId: '00000000-0000-0000-0000-000000000001', role: 'admin', employerId: null, seekerId: null, regionCode: null };
        const times: number[] = [];
        let lines = 0;
        let bytes = 0;
        for (let round = 0; round < 3; round++) {
          const started = process.hrtime.bigint();
          const masked = (await inCls(() => claims.noticeList(province))).map(maskedLine);
          const file = await noticeWorkbook(masked, '就业补贴拟发放名单公示');
          times.push(elapsedMs(started));
          lines = masked.length;
          bytes = file.length;
        }
        report({ ...fromTimes('S6-NOTICE-LIST', tier, seed, lines, 'lines/s', times), target: '<= 10 s for 10k claims', file_mb: Math.round((bytes / 1e6) * 10) / 10 });
      }

      async function benchBatch(): Promise<void> {
        // S7: a batch of 100k approved claims, then its bank file.
        const rows = 100_000;
        await seedApproved(dataSource, app.get(FieldCipher), rows);
        // Their instalments were registered when they were approved (in the approving transaction); timed apart, not part of S7.
        const ids: string[] = (await dataSource.query(`SELECT id FROM subsidy_claim WHERE status = 'approved'`)).map((r: { id: string }) => r.id);
        const registerStarted = process.hrtime.bigint();
        await inCls(() => app.get(SubsidyRecordsService).registerInstalments(ids));
        const registerMs = elapsedMs(registerStarted);
        await dataSource.query(`VACUUM ANALYZE subsidy_payment_instalment`); // as autovacuum would have by the time a batch is made
        const payments = app.get(SubsidyPaymentsService);
        const batchStarted = process.hrtime.bigint();
        const batch = await inCls(() => payments.createBatch(null, rows));
        const batchMs = elapsedMs(batchStarted);
        const exportStarted = process.hrtime.bigint();
        const file = await inCls(() => payments.exportBatch(batch!.id));
        const exportMs = elapsedMs(exportStarted);
        report({
          ...fromTimes('S7-PAYMENT-BATCH', tier, seed, batch!.rowCount, 'rows/s', [batchMs + exportMs]), target: '<= 30 s for 100k rows',
          batch_ms: Math.round(batchMs), export_ms: Math.round(exportMs), file_mb: Math.round((file.length / 1e6) * 10) / 10,
          registered_at_approval_ms: Math.round(registerMs),
        });
      }
    } finally {
      await app.close();
    }
  });
}

/** `n` live claims with facts, payees and 12 insured months per person, set-based; shaped so every check finds some. */
async function seedClaims(dataSource: DataSource, n: number, seed: number): Promise<void> {
  const employers = Math.max(50, Math.floor(n / 20));
  await dataSource.query(`SELECT setseed($1)`, [((seed % 1000) / 1000) * 2 - 1]);
  await dataSource.query(`
    INSERT INTO subsidy_claim (id, rule, status, origin, claimant_kind, claimant_id, subject_key, created_at)
    SELECT md5('claim' || g)::uuid,
      (ARRAY['G1','G1','G1','G1','T1','T1','I1','P1','J1','T2'])[1 + g % 10],
      'submitted', 'applied', 'employer', md5('claimant' || (g % ${employers}))::uuid, 'b' || g,
      timestamptz '2026-11-01 09:00+08' + (g % 30) * interval '1 day'
    FROM generate_series(1, ${n}) g`);
  // People: 1% claimed twice (duplicate or exclusive); employers with a legal representative shared by pairs.
  await dataSource.query(`
    INSERT INTO subsidy_claim_facts (claim_id, person_key, employer_key, legal_rep_key, hire_date, contract_start, contract_months, open_ended,
      graduation_date, insurance_start, certificate_issuer, certificate_date, officer_id)
    SELECT md5('claim' || g)::uuid,
      'p' || CASE WHEN g % 100 = 0 THEN g - 7 ELSE g END,
      'E' || (g % ${employers}), 'R' || ((g % ${employers}) / 2),
      date '2025-01-01' + (g % 365), date '2025-01-01' + (g % 365) + CASE WHEN g % 997 = 0 THEN -400 ELSE 0 END,
      CASE WHEN g % 501 = 0 THEN 6 ELSE 24 END, g % 7 = 0,
      date '2024-07-01', date '2025-01-01' + (g % 365),
      CASE WHEN g % 10 IN (4, 5) THEN 'ISSUER' || (g % 200) END, CASE WHEN g % 10 IN (4, 5) THEN date '2025-01-01' + (g % 365) END,
      -- Walk-ins filed by an officer: 1 claim in 10, chosen and spread over 601 officers independently of the filing day
      -- (g % 30), so ~5 a day each at L; one officer files 5 in 1,000 on one day (a burst: 50 at S, 5,000 at L).
      CASE WHEN g % 30 = 0 AND g % 1000 < 150 THEN md5('officer-burst')::uuid WHEN (g / 30) % 10 = 3 THEN md5('officer' || ((g / 300) % 601))::uuid END
    FROM generate_series(1, ${n}) g`);
  await dataSource.query(`
    INSERT INTO subsidy_payee (claim_id, payee_name, account, account_index, bank_name, phone_index, address_key)
    SELECT md5('claim' || g)::uuid, 'x', 'x', 'acct' || CASE WHEN g % 1000 < 3 THEN 'shared' || (g / 1000) ELSE g::text END, '农业银行',
      'ph' || g, 'ad' || CASE WHEN g % 1000 = 1 THEN 'shared' || (g / 20000) ELSE g::text END
    FROM generate_series(1, ${n}) g`);
  // 12 contribution months per person around the hire, at the claim's employer (some before the hire: rehires; 1 in 500 insured twice).
  // Loaded without the table's indexes, which are built once afterwards (as a bulk import of the port's file would).
  const indexes: { name: string; def: string; constraint: boolean }[] = await dataSource.query(`
    SELECT i.indexname AS name, i.indexdef AS def, EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) AS constraint
    FROM pg_indexes i WHERE i.tablename = 'subsidy_insured_month'`);
  for (const index of indexes) {
    await dataSource.query(index.constraint ? `ALTER TABLE subsidy_insured_month DROP CONSTRAINT "${index.name}"` : `DROP INDEX "${index.name}"`);
  }
  await dataSource.query(`
    INSERT INTO subsidy_insured_month (person_key, month, employer_key)
    SELECT 'p' || g, date_trunc('month', date '2025-01-01' + (g % 365))::date + (m - CASE WHEN g % 50 = 0 THEN 2 ELSE 0 END) * interval '1 month', 'E' || (g % ${employers})
    FROM generate_series(1, ${n}) g, generate_series(0, 11) m
    UNION ALL
    SELECT 'p' || g, date_trunc('month', date '2025-01-01' + (g % 365))::date + interval '1 month', 'E-second'
    FROM generate_series(1, ${n}) g WHERE g % 500 = 1`);
  await dataSource.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) {
    await dataSource.query(index.def);
    if (index.constraint) await dataSource.query(`ALTER TABLE subsidy_insured_month ADD CONSTRAINT "${index.name}" PRIMARY KEY USING INDEX "${index.name}"`);
  }
  await dataSource.query(`INSERT INTO subsidy_exclusion (person_key, list, valid_from) SELECT 'p' || g, 'public_payroll', date '2020-01-01' FROM generate_series(1, ${n}) g WHERE g % 2000 = 1`);
  // As autovacuum would have by night: statistics, and the visibility map that lets the insured months be read from their index alone.
  for (const table of ['subsidy_claim', 'subsidy_claim_facts', 'subsidy_payee', 'subsidy_insured_month', 'subsidy_exclusion']) await dataSource.query(`VACUUM ANALYZE ${table}`);
}

/** `rows` approved G1 claims, each with an eligible decision of one 2,000-yuan instalment and an encrypted payee. */
async function seedApproved(dataSource: DataSource, cipher: FieldCipher, rows: number): Promise<void> {
  await dataSource.query(`
    INSERT INTO subsidy_claim (id, rule, status, origin, claimant_kind, subject_key)
    SELECT md5('approved' || g)::uuid, 'G1', 'approved', 'applied', 'employer', 'a' || g FROM generate_series(1, ${rows}) g`);
  await dataSource.query(`
    INSERT INTO subsidy_decision (claim_id, rule, rule_version, outcome, amount, parameters, checks, instalments)
    SELECT md5('approved' || g)::uuid, 'G1', 'bench', 'eligible', 2000, '[]', '[]', '[{"number":1,"amount":2000,"status":"payable"}]'
    FROM generate_series(1, ${rows}) g`);
  await dataSource.query(`
    INSERT INTO subsidy_payee (claim_id, payee_name, account, account_index, bank_name)
    SELECT md5('approved' || g)::uuid, $1, $2, 'approved' || g, '中国农业银行海口分行' FROM generate_series(1, ${rows}) g`,
    [cipher.encrypt('海南某某有限公司'), cipher.encrypt('6228480012345678901')]);
  await dataSource.query(`ANALYZE subsidy_claim; ANALYZE subsidy_decision; ANALYZE subsidy_payee`);
}

/** Runs `fn` on a migrated, throw-away database on the server of DATABASE_URL, and always drops it. */
export async function withScratchDatabase(fn: (url: string) => Promise<void>, prefix = 'pes_bench_subsidy'): Promise<void> {
  const server = new URL(loadConfig().DATABASE_URL);
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
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

/** `rows` G1 claims in their public notice, each with an eligible 2,000-yuan decision and an encrypted ID number. */
async function seedNotice(dataSource: DataSource, cipher: FieldCipher, rows: number): Promise<void> {
  await dataSource.query(`
    INSERT INTO subsidy_claim (id, rule, status, origin, claimant_kind, subject_key, region_code, person_id_encrypted, notice_from, notice_until, details)
    SELECT md5('notice' || g)::uuid, 'G1', 'notice', 'applied', 'employer', 'n' || g, '460106', $1, date '2026-12-01', date '2026-12-07',
      jsonb_build_object('personName', '王小' || g, 'employerName', '海南某某有限公司' || (g % 500))
    FROM generate_series(1, ${rows}) g`, [cipher.encrypt('460100199901011234')]);
  await dataSource.query(`
    INSERT INTO subsidy_decision (claim_id, rule, rule_version, outcome, amount, parameters, checks, instalments)
    SELECT md5('notice' || g)::uuid, 'G1', 'bench', 'eligible', 2000, '[]', '[]', '[{"number":1,"amount":2000,"status":"payable"}]'
    FROM generate_series(1, ${rows}) g`);
  await dataSource.query(`ANALYZE subsidy_claim; ANALYZE subsidy_decision`);
}
