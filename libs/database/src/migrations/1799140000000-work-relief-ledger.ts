import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 以工代赈 ledger and job-impact estimates (issue 20, part 6): projects with their funds, the labour pay actually
 * paid per worker (ID number and bank account encrypted, with blind indexes to find a worker or account on several
 * projects), and the job-impact estimates of major projects whose approved figures are forecast demand.
 */
export class WorkReliefLedger1799140000000 implements MigrationInterface {
  name = 'WorkReliefLedger1799140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "work_relief_project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter" text NOT NULL, "year" integer NOT NULL, "name" text NOT NULL, "funds_fen" bigint NOT NULL, "key_project" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_work_relief_project" PRIMARY KEY ("id"), CONSTRAINT "work_relief_project_funds_check" CHECK (funds_fen > 0))`);
    await queryRunner.query(`CREATE INDEX "work_relief_project_year_reporter_idx" ON "work_relief_project" ("year", "reporter")`);
    await queryRunner.query(`CREATE TABLE "work_relief_payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "worker_name" text NOT NULL, "worker_id_encrypted" text NOT NULL, "worker_id_hash" character(64) NOT NULL, "account_encrypted" text NOT NULL, "account_hash" character(64) NOT NULL, "amount_fen" bigint NOT NULL, "paid_on" date NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_work_relief_payment" PRIMARY KEY ("id"), CONSTRAINT "work_relief_payment_amount_check" CHECK (amount_fen > 0), CONSTRAINT "FK_work_relief_payment_project" FOREIGN KEY ("project_id") REFERENCES "work_relief_project"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "work_relief_payment_project_idx" ON "work_relief_payment" ("project_id")`);
    await queryRunner.query(`CREATE INDEX "work_relief_payment_worker_idx" ON "work_relief_payment" ("worker_id_hash", "project_id")`);
    await queryRunner.query(`CREATE INDEX "work_relief_payment_account_idx" ON "work_relief_payment" ("account_hash", "project_id")`);
    await queryRunner.query(`CREATE TABLE "job_impact_estimate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter" text NOT NULL, "project_name" text NOT NULL, "project_id" uuid, "status" text NOT NULL DEFAULT 'submitted', "lines" jsonb NOT NULL DEFAULT '[]', "review_reason" text, "submitted_by" uuid, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_job_impact_estimate" PRIMARY KEY ("id"), CONSTRAINT "job_impact_estimate_status_check" CHECK (status IN ('submitted', 'approved', 'returned')), CONSTRAINT "FK_job_impact_estimate_project" FOREIGN KEY ("project_id") REFERENCES "work_relief_project"("id") ON DELETE SET NULL)`);
    await queryRunner.query(`CREATE INDEX "job_impact_estimate_status_idx" ON "job_impact_estimate" ("status", "reporter")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_impact_estimate"`);
    await queryRunner.query(`DROP TABLE "work_relief_payment"`);
    await queryRunner.query(`DROP TABLE "work_relief_project"`);
  }
}
