import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subsidies (issue 19): claims, evidence snapshots, decision records, payment batches and instalments keyed by claim and number. */
export class Subsidies1798000007000 implements MigrationInterface {
  name = 'Subsidies1798000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subsidy_claim" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "origin" text NOT NULL, "claimant_kind" text NOT NULL, "claimant_id" uuid, "subject_key" text NOT NULL, "source_ref" text, "relevant_date" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_630c5578a36a2f5fc74b20b442f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_status_idx" ON "subsidy_claim" ("status", "rule")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subsidy_claim_subject_key" ON "subsidy_claim" ("rule", "subject_key") WHERE status NOT IN ('refused', 'withdrawn')`);
    await queryRunner.query(`CREATE TABLE "subsidy_evidence_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "port" text NOT NULL, "subject_key" text NOT NULL, "source" text NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_from" date, "valid_to" date, "payload" text NOT NULL, "payload_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15feedd3672d709ece8070da8d7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_evidence_snapshot_subject_idx" ON "subsidy_evidence_snapshot" ("port", "subject_key", "fetched_at")`);
    await queryRunner.query(`CREATE TABLE "subsidy_payment_batch" ("id" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "row_count" integer NOT NULL, "total_fen" bigint NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8aac5fa9396e3eb8c19ca6f436d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "subsidy_payment_instalment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "number" integer NOT NULL, "amount_fen" integer NOT NULL, "account" text NOT NULL, "status" text NOT NULL DEFAULT 'due', "batch_id" text, "attempts" integer NOT NULL DEFAULT '0', "failure_reason" text, "paid_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_080a4a3be56a7cc4d63d8026275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_payment_instalment_batch_idx" ON "subsidy_payment_instalment" ("batch_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "subsidy_payment_instalment_key" ON "subsidy_payment_instalment" ("claim_id", "number")`);
    await queryRunner.query(`CREATE TABLE "subsidy_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "rule" text NOT NULL, "rule_version" text NOT NULL, "outcome" text NOT NULL, "amount" numeric(12,2) NOT NULL, "relevant_date" date, "parameters" jsonb NOT NULL, "checks" jsonb NOT NULL, "instalments" jsonb NOT NULL DEFAULT '[]', "evidence_ids" uuid array NOT NULL DEFAULT '{}', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d03bf9840f256f305be4ce8b43b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_decision_claim_idx" ON "subsidy_decision" ("claim_id", "decided_at")`);
    await queryRunner.query(`ALTER TABLE "subsidy_decision" ADD CONSTRAINT "FK_6f9a0f8767dee07b8c97350216d" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_instalment" ADD CONSTRAINT "FK_1d64459fa1eb275dc8dd15e870d" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_instalment" ADD CONSTRAINT "FK_c0e67c30ca892abe37bdfa6b8e3" FOREIGN KEY ("batch_id") REFERENCES "subsidy_payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subsidy_payment_instalment" DROP CONSTRAINT "FK_c0e67c30ca892abe37bdfa6b8e3"`);
    await queryRunner.query(`ALTER TABLE "subsidy_payment_instalment" DROP CONSTRAINT "FK_1d64459fa1eb275dc8dd15e870d"`);
    await queryRunner.query(`ALTER TABLE "subsidy_decision" DROP CONSTRAINT "FK_6f9a0f8767dee07b8c97350216d"`);
    await queryRunner.query(`DROP TABLE "subsidy_decision"`);
    await queryRunner.query(`DROP TABLE "subsidy_payment_instalment"`);
    await queryRunner.query(`DROP TABLE "subsidy_payment_batch"`);
    await queryRunner.query(`DROP TABLE "subsidy_evidence_snapshot"`);
    await queryRunner.query(`DROP TABLE "subsidy_claim"`);
  }
}
