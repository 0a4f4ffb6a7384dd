import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { FieldCipher } from '@app/crypto';
import { migrateDatabase } from '@app/database';
import { Tier } from '@app/demo-data';
import { FIXTURE_PEOPLE, FIXTURE_EMPLOYER, stubEvidence, TEST_PARAMETERS } from '@app/subsidies/testing';
import { decideGraduateHiring, FraudChecksService, gatherGraduateHiring, SubsidyPaymentsService, SubsidyRecordsService } from '@app/subsidies';
import { elapsedMs, fromTimes, report } from './measure';

/** Claims per tier for the fraud benchmarks (L is policy.md's 1M claims with 12M contribution-months). */
const CLAIMS: Record<Tier, number> = { demo: 2_000, S: 10_000, M: 100_000, L: 1_000_000 };

/**
 * S3–S5, S7 (policy.md section 6) on a scratch database (created, migrated, dropped here), seeded set-based:
 * `n` live claims of the mix with facts and payees (a few shared accounts, duplicate people, bursts), 12 insured
 * months per person, exclusion lists; then
 * - S3-DECISION: one G1 decision with the ports cached (the stub's answers in memory), kept as evidence snapshots and a
 *   decision record in one transaction: p95 (target <= 200 ms);
 * - S4-FRAUD-NIGHTLY: every fraud check over every live claim, set-based (target <= 5 min at 1M claims);
 * - S5-FRAUD-SUBMIT: every check on one submitted claim among them: p95 (target <= 500 ms);
 * - S7-PAYMENT-BATCH: a batch of 100k approved claims (instalments registered from their decisions, picked, bank-file
 *   rows written) and its bank file exported (target <= 30 s).
 */
export async function benchSubsidyPayments(tier: Tier, seed: number): Promise<void> {
  const n = CLAIMS[tier];
  await withScratchDatabase(async (url) => {
    const config = loadConfig(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false' });
    const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, []), { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const inCls = <T>(fn: () => Promise<T>) => app.get(ClsService).run(() => app.get(TransactionHost).withTransaction(fn));
      const seedStarted = process.hrtime.bigint();
      await seedClaims(dataSource, n, seed);
      console.error(`S4: seeded ${n} claims and ${n * 12} insured months in ${Math.round(elapsedMs(seedStarted) / 1000)} s`);

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

      // S4: nightly, set-based over every live claim.
      const fraud = app.get(FraudChecksService);
      const nightlyStarted = process.hrtime.bigint();
      const nightly = await app.get(ClsService).run(() => fraud.runNightly());
      const nightlyMs = elapsedMs(nightlyStarted);
      report({
        ...fromTimes('S4-FRAUD-NIGHTLY', tier, seed, n, 'claims/s', [nightlyMs]), target: '<= 300 s at 1M claims and 12M contribution-months',
        insured_months: n * 12, findings: nightly.findings, cases_raised: nightly.raised, by_check: nightly.byCheck,
      });

      // S5: the checks of one submission, on claims spread over the table.
      const sample: { id: string }[] = await dataSource.query(`SELECT id FROM subsidy_claim WHERE subject_key LIKE 'b%' ORDER BY md5(id::text || $1) LIMIT 120`, [String(seed)]);
      const s5: number[] = [];
      for (const [k, { id }] of sample.entries()) {
        const started = process.hrtime.bigint();
        await inCls(() => fraud.checkClaims([id]));
        if (k >= 20) s5.push(elapsedMs(started));
      }
      report({ ...fromTimes('S5-FRAUD-SUBMIT', tier, seed, s5.length, 'submissions/s', s5), target: 'p95 <= 500 ms', claims_in_database: n });

      // S7: a batch of 100k approved claims, then its bank file.
      const rows = 100_000;
      await seedApproved(dataSource, app.get(FieldCipher), rows);
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
      });
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
      md5('officer' || (g % 600))::uuid
    FROM generate_series(1, ${n}) g`);
  await dataSource.query(`
    INSERT INTO subsidy_payee (claim_id, payee_name, account, account_index, bank_name, phone_index, address_key)
    SELECT md5('claim' || g)::uuid, 'x', 'x', 'acct' || CASE WHEN g % 1000 < 3 THEN 'shared' || (g / 1000) ELSE g::text END, '农业银行',
      'ph' || g, 'ad' || CASE WHEN g % 1000 = 1 THEN 'shared' ELSE g::text END
    FROM generate_series(1, ${n}) g`);
  // 12 contribution months per person around the hire, at the claim's employer (some before the hire: rehires; 1 in 500 insured twice).
  await dataSource.query(`
    INSERT INTO subsidy_insured_month (person_key, month, employer_key)
    SELECT 'p' || g, date_trunc('month', date '2025-01-01' + (g % 365))::date + (m - CASE WHEN g % 50 = 0 THEN 2 ELSE 0 END) * interval '1 month', 'E' || (g % ${employers})
    FROM generate_series(1, ${n}) g, generate_series(0, 11) m
    UNION ALL
    SELECT 'p' || g, date_trunc('month', date '2025-01-01' + (g % 365))::date + interval '1 month', 'E-second'
    FROM generate_series(1, ${n}) g WHERE g % 500 = 1
    ON CONFLICT DO NOTHING`);
  await dataSource.query(`INSERT INTO subsidy_exclusion (person_key, list, valid_from) SELECT 'p' || g, 'public_payroll', date '2020-01-01' FROM generate_series(1, ${n}) g WHERE g % 2000 = 1`);
  await dataSource.query(`ANALYZE subsidy_claim; ANALYZE subsidy_claim_facts; ANALYZE subsidy_payee; ANALYZE subsidy_insured_month; ANALYZE subsidy_exclusion`);
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
