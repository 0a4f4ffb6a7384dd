import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subsidy payments and fraud checks (issue 19): payees, bank-file rows (one pending or paid row per instalment), the
 * fund ledger's movements, the facts the fraud checks compare, insured months and exclusion lists (projections of the
 * evidence ports), and suspicious cases (疑点).
 */
export class SubsidyPaymentsFraud1799000400000 implements MigrationInterface {
  name = 'SubsidyPaymentsFraud1799000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subsidy_claim_facts" ("claim_id" uuid NOT NULL, "person_key" text, "employer_key" text, "legal_rep_key" text, "hire_date" date, "contract_start" date, "contract_months" integer, "open_ended" boolean NOT NULL DEFAULT false, "graduation_date" date, "insurance_start" date, "certificate_issuer" text, "certificate_date" date, "officer_id" uuid, CONSTRAINT "PK_4e9ef86c53c974f8612baf0611e" PRIMARY KEY ("claim_id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_facts_legal_rep_idx" ON "subsidy_claim_facts" ("legal_rep_key")`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_facts_issuer_idx" ON "subsidy_claim_facts" ("certificate_issuer", "certificate_date")`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_facts_officer_idx" ON "subsidy_claim_facts" ("officer_id")`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_facts_employer_idx" ON "subsidy_claim_facts" ("employer_key", "hire_date")`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_facts_person_idx" ON "subsidy_claim_facts" ("person_key")`);
    await queryRunner.query(`CREATE TABLE "subsidy_insured_month" ("person_key" text NOT NULL, "month" date NOT NULL, "employer_key" text NOT NULL, CONSTRAINT "PK_86a04ecccbafe320a295b6db364" PRIMARY KEY ("person_key", "month", "employer_key"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_insured_month_employer_idx" ON "subsidy_insured_month" ("employer_key", "month")`);
    await queryRunner.query(`CREATE TABLE "subsidy_exclusion" ("person_key" text NOT NULL, "list" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "PK_51dc407193b55da11e2d5df5ed9" PRIMARY KEY ("person_key", "list"))`);
    await queryRunner.query(`CREATE TABLE "subsidy_suspicious_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "code" text NOT NULL, "fingerprint" text NOT NULL, "reason_zh" text NOT NULL, "reason_en" text NOT NULL, "related_claim_ids" uuid array NOT NULL DEFAULT '{}', "source" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text, CONSTRAINT "PK_f288acee781a74e3109a13572ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_suspicious_case_claim_idx" ON "subsidy_suspicious_case" ("claim_id")`);
    await queryRunner.query(`CREATE INDEX "subsidy_suspicious_case_status_idx" ON "subsidy_suspicious_case" ("status", "raised_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subsidy_suspicious_case_fingerprint" ON "subsidy_suspicious_case" ("fingerprint")`);
    await queryRunner.query(`CREATE TABLE "subsidy_payee" ("claim_id" uuid NOT NULL, "payee_name" text NOT NULL, "account" text NOT NULL, "account_index" text NOT NULL, "bank_name" text NOT NULL, "phone_index" text, "address_key" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2267bfe01aa382e23f0ca930dd" PRIMARY KEY ("claim_id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_payee_address_idx" ON "subsidy_payee" ("address_key")`);
    await queryRunner.query(`CREATE INDEX "subsidy_payee_phone_idx" ON "subsidy_payee" ("phone_index")`);
    await queryRunner.query(`CREATE INDEX "subsidy_payee_account_idx" ON "subsidy_payee" ("account_index")`);
    await queryRunner.query(`CREATE TABLE "subsidy_payment_batch_row" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" text NOT NULL, "serial" text NOT NULL, "instalment_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "rule" text NOT NULL, "amount_fen" integer NOT NULL, "payee_name" text NOT NULL, "account" text NOT NULL, "bank_name" text NOT NULL, "purpose" text NOT NULL, "result" text NOT NULL DEFAULT 'pending', "failure_reason" text, "returned_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_44ec7b2b3d94c1b5d18079086a8" UNIQUE ("serial"), CONSTRAINT "PK_b61df2c9e0e2e8b9ee7e30beac4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_payment_batch_row_batch_idx" ON "subsidy_payment_batch_row" ("batch_id", "serial")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subsidy_payment_batch_row_live" ON "subsidy_payment_batch_row" ("instalment_id") WHERE result IN ('pending', 'paid')`);
    await queryRunner.query(`CREATE TABLE "subsidy_fund_movement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "month" date NOT NULL, "rule" text NOT NULL, "claim_id" uuid NOT NULL, "batch_row_id" uuid, "amount_fen" integer NOT NULL, "note" text, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b50599eb6df76060f98f68f7e83" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_fund_movement_month_idx" ON "subsidy_fund_movement" ("month", "rule")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subsidy_fund_movement_once" ON "subsidy_fund_movement" ("batch_row_id", "kind") WHERE batch_row_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim_facts" ADD CONSTRAINT "FK_4e9ef86c53c974f8612baf0611e" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_suspicious_case" ADD CONSTRAINT "FK_ca752e05fdd95987851a3b933be" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_payee" ADD CONSTRAINT "FK_f2267bfe01aa382e23f0ca930dd" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_batch_row" ADD CONSTRAINT "FK_eec7ac8237581c2dd1eddbc4dfb" FOREIGN KEY ("batch_id") REFERENCES "subsidy_payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_batch_row" ADD CONSTRAINT "FK_5e67c9468d594bf7b08fb588959" FOREIGN KEY ("instalment_id") REFERENCES "subsidy_payment_instalment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subsidy_payment_batch_row" DROP CONSTRAINT "FK_5e67c9468d594bf7b08fb588959"`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_batch_row" DROP CONSTRAINT "FK_eec7ac8237581c2dd1eddbc4dfb"`);
    await queryRunner.query(`ALTER TABLE "subsidy_payee" DROP CONSTRAINT "FK_f2267bfe01aa382e23f0ca930dd"`);
    await queryRunner.query(`ALTER TABLE "subsidy_suspicious_case" DROP CONSTRAINT "FK_ca752e05fdd95987851a3b933be"`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim_facts" DROP CONSTRAINT "FK_4e9ef86c53c974f8612baf0611e"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_fund_movement_once"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_fund_movement_month_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_fund_movement"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_payment_batch_row_live"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_payment_batch_row_batch_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_payment_batch_row"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_payee_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_payee_phone_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_payee_address_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_payee"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_suspicious_case_fingerprint"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_suspicious_case_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_suspicious_case_claim_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_suspicious_case"`);
    await queryRunner.query(`DROP TABLE "subsidy_exclusion"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_insured_month_employer_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_insured_month"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_claim_facts_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_claim_facts_employer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_claim_facts_officer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_claim_facts_issuer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."subsidy_claim_facts_legal_rep_idx"`);
    await queryRunner.query(`DROP TABLE "subsidy_claim_facts"`);
  }
}
