import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Early warning (issue 21): monitored firms' monthly reports, §41 layoff reports, imported claims and rates, alerts with
 * acknowledgements and escalations, the 政策储备 measures (the provisional defaults of libs/early-warning measures.ts),
 * response cases with tasks and the people they follow to re-employment.
 */
export class EarlyWarning1799000600000 implements MigrationInterface {
  name = 'EarlyWarning1799000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "warning_firm_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "region_code" text NOT NULL, "industry_code" text NOT NULL, "month" text NOT NULL, "enrolment_headcount" integer NOT NULL, "previous_headcount" integer NOT NULL, "headcount" integer NOT NULL, "additions" integer NOT NULL DEFAULT '0', "reductions" jsonb NOT NULL DEFAULT '{}', "filed_via" text NOT NULL, "filed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_770a9c158a77e6580c61e485881" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "warning_firm_report_region_idx" ON "warning_firm_report" ("region_code", "month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_firm_report_key" ON "warning_firm_report" ("employer_id", "month") `);
    await queryRunner.query(`CREATE TABLE "warning_layoff_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employer_id" uuid NOT NULL, "region_code" text NOT NULL, "industry_code" text NOT NULL, "ground" text, "count" integer NOT NULL, "staff" integer, "occupations" text array NOT NULL DEFAULT '{}', "notice_date" date, "effective_date" date NOT NULL, "union_consulted" boolean, "amends" uuid, "closure" boolean NOT NULL DEFAULT false, "reportable" boolean NOT NULL, "check_result" jsonb NOT NULL, "filed_via" text NOT NULL, "filed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b61f02b03c08647e5a0969e2cec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "warning_layoff_report_region_idx" ON "warning_layoff_report" ("region_code", "effective_date") `);
    await queryRunner.query(`CREATE INDEX "warning_layoff_report_employer_idx" ON "warning_layoff_report" ("employer_id", "effective_date") `);
    await queryRunner.query(`CREATE TABLE "warning_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "file_name" text NOT NULL, "row_count" integer NOT NULL, "accepted" integer NOT NULL, "row_reports" jsonb NOT NULL DEFAULT '[]', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7cc736e890ab50eb84942f8c572" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "warning_claims_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" text NOT NULL, "industry_code" text NOT NULL DEFAULT '*', "month" text NOT NULL, "claims" integer NOT NULL, "weekly" integer array NOT NULL DEFAULT '{}', "import_id" uuid, CONSTRAINT "PK_7202e4d3b5ead8a3f39d743faeb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_claims_figure_key" ON "warning_claims_figure" ("region_code", "industry_code", "month") `);
    await queryRunner.query(`CREATE TABLE "warning_rate_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" text NOT NULL, "month" text NOT NULL, "registered_rate" double precision, "surveyed_rate" double precision, "youth_surveyed_rate" double precision, "import_id" uuid, CONSTRAINT "PK_826f3f2884df936ccaa6f4a4f7d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_rate_figure_key" ON "warning_rate_figure" ("region_code", "month") `);
    await queryRunner.query(`CREATE TABLE "warning_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "kind" text NOT NULL, "region_code" text NOT NULL, "month" text NOT NULL, "level" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "tier" text NOT NULL, "raised_tier" text NOT NULL, "drivers" text array NOT NULL DEFAULT '{}', "evidence" jsonb NOT NULL, "layoff_report_id" uuid, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_escalation_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4592ba461e6c48795f5cc407264" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "warning_alert_due_idx" ON "warning_alert" ("status", "next_escalation_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_alert_key" ON "warning_alert" ("key") `);
    await queryRunner.query(`CREATE TABLE "warning_acknowledgement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alert_id" uuid NOT NULL, "department" text NOT NULL, "user_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dd7b86faed5547822690f958df5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_acknowledgement_key" ON "warning_acknowledgement" ("alert_id", "department") `);
    await queryRunner.query(`CREATE TABLE "warning_escalation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alert_id" uuid NOT NULL, "from_tier" text NOT NULL, "to_tier" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2c1386cf344a29c69dbf0f0102b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_escalation_key" ON "warning_escalation" ("alert_id", "to_tier") `);
    await queryRunner.query(`CREATE TABLE "warning_measure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "level" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "owner" text NOT NULL, "due_hours" integer NOT NULL, CONSTRAINT "PK_ec92b4eec6d220a004bc7a07c80" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_measure_key" ON "warning_measure" ("code") `);
    await queryRunner.query(`CREATE TABLE "warning_response_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alert_id" uuid, "layoff_report_id" uuid, "employer_id" uuid, "region_code" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "matched_shortages" jsonb NOT NULL DEFAULT '[]', "training_gaps" jsonb NOT NULL DEFAULT '[]', "event_id" uuid, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16722fd52dc20e4633e18a9dc0a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_response_case_layoff_key" ON "warning_response_case" ("layoff_report_id") WHERE layoff_report_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "warning_response_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "code" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "owner" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "due_at" TIMESTAMP WITH TIME ZONE, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0d506747f1cd40d213066c546e0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_response_task_key" ON "warning_response_task" ("case_id", "code") `);
    await queryRunner.query(`CREATE TABLE "warning_case_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "laid_off_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5267374f7132d4de2077a46dfa7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_case_person_key" ON "warning_case_person" ("case_id", "seeker_id") `);
    await queryRunner.query(`INSERT INTO "warning_measure" ("code", "level", "title_zh", "title_en", "owner", "due_hours") VALUES ('monitor_weekly', 'IV', '监测企业改为每周报送岗位变动', 'Monitored firms report job changes weekly', 'hrss', 72), ('visit_firms', 'IV', '结对专员走访减员较多的企业', 'Paired officers visit the firms shedding most jobs', 'hrss', 72), ('written_report', 'III', '向上级人社部门书面报告（12小时内）', 'Written report to the next level up (within 12 h)', 'hrss', 12), ('stabilise_jobs', 'III', '落实稳岗返还与以工代训政策', 'Apply job-retention refunds and training-in-place', 'finance', 72), ('targeted_fairs', 'III', '组织专场招聘与转岗培训', 'Targeted job fairs and retraining', 'hrss', 72), ('joint_meeting', 'II', '召开就业工作联席会议，启动应急预案', 'Convene the employment joint meeting; start the contingency plan', 'development_reform', 2), ('union_mediation', 'II', '工会参与裁员协商与劳动争议调解', 'The union joins layoff consultation and dispute mediation', 'union', 24), ('emergency_fund', 'I', '动用就业应急资金，实施临时性岗位补贴', 'Release the employment emergency fund; temporary job subsidies', 'finance', 2), ('investment_projects', 'I', '加快投资项目落地，以工代赈吸纳就业', 'Speed up investment projects and work-relief hiring', 'commerce', 24)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."warning_case_person_key"`);
    await queryRunner.query(`DROP TABLE "warning_case_person"`);
    await queryRunner.query(`DROP INDEX "public"."warning_response_task_key"`);
    await queryRunner.query(`DROP TABLE "warning_response_task"`);
    await queryRunner.query(`DROP INDEX "public"."warning_response_case_layoff_key"`);
    await queryRunner.query(`DROP TABLE "warning_response_case"`);
    await queryRunner.query(`DROP INDEX "public"."warning_measure_key"`);
    await queryRunner.query(`DROP TABLE "warning_measure"`);
    await queryRunner.query(`DROP INDEX "public"."warning_escalation_key"`);
    await queryRunner.query(`DROP TABLE "warning_escalation"`);
    await queryRunner.query(`DROP INDEX "public"."warning_acknowledgement_key"`);
    await queryRunner.query(`DROP TABLE "warning_acknowledgement"`);
    await queryRunner.query(`DROP INDEX "public"."warning_alert_key"`);
    await queryRunner.query(`DROP INDEX "public"."warning_alert_due_idx"`);
    await queryRunner.query(`DROP TABLE "warning_alert"`);
    await queryRunner.query(`DROP INDEX "public"."warning_rate_figure_key"`);
    await queryRunner.query(`DROP TABLE "warning_rate_figure"`);
    await queryRunner.query(`DROP INDEX "public"."warning_claims_figure_key"`);
    await queryRunner.query(`DROP TABLE "warning_claims_figure"`);
    await queryRunner.query(`DROP TABLE "warning_import"`);
    await queryRunner.query(`DROP INDEX "public"."warning_layoff_report_employer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."warning_layoff_report_region_idx"`);
    await queryRunner.query(`DROP TABLE "warning_layoff_report"`);
    await queryRunner.query(`DROP INDEX "public"."warning_firm_report_key"`);
    await queryRunner.query(`DROP INDEX "public"."warning_firm_report_region_idx"`);
    await queryRunner.query(`DROP TABLE "warning_firm_report"`);
  }
}
