import { MigrationInterface, QueryRunner } from 'typeorm';

/** The job-development plan (issue 20): units' targets per year, quarterly reports with their versions, reminders sent. */
export class DevelopmentPlan1799000510000 implements MigrationInterface {
  name = 'DevelopmentPlan1799000510000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "development_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter" text NOT NULL, "year" integer NOT NULL, "targets" jsonb NOT NULL DEFAULT '[]', "contact_name" text, "contact_phone_encrypted" text, "updated_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_development_plan" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "development_plan_reporter_year_key" ON "development_plan" ("reporter", "year")`);
    await queryRunner.query(`CREATE TABLE "plan_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reporter" text NOT NULL, "year" integer NOT NULL, "quarter" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "status" text NOT NULL DEFAULT 'draft', "figures" jsonb NOT NULL DEFAULT '[]', "narrative" jsonb NOT NULL DEFAULT '{}', "history" jsonb NOT NULL DEFAULT '[]', "prefilled_at" TIMESTAMP WITH TIME ZONE, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, "correction_reason" text, "previous_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_plan_report" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_report_version_key" ON "plan_report" ("reporter", "year", "quarter", "version")`);
    await queryRunner.query(`CREATE INDEX "plan_report_period_idx" ON "plan_report" ("year", "quarter", "status")`);
    await queryRunner.query(`CREATE TABLE "plan_reminder" ("reporter" text NOT NULL, "year" integer NOT NULL, "quarter" integer NOT NULL, "kind" text NOT NULL, "date" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "in_app" integer NOT NULL DEFAULT '0', "sms" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_plan_reminder" PRIMARY KEY ("reporter", "year", "quarter", "kind", "date"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plan_reminder"`);
    await queryRunner.query(`DROP TABLE "plan_report"`);
    await queryRunner.query(`DROP TABLE "development_plan"`);
  }
}
