import { MigrationInterface, QueryRunner } from 'typeorm';

/** Early warning: the platform's market figures, firm status (abnormal list, deregistration) and social-insurance 增减员. */
export class WarningSignals1799150000000 implements MigrationInterface {
  name = 'WarningSignals1799150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "warning_market_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" text NOT NULL, "month" text NOT NULL, "vacancies" integer NOT NULL, "seekers" integer NOT NULL, "new_registrations" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8217d54f13e8504443db4971616" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_market_figure_key" ON "warning_market_figure" ("region_code", "month") `);
    await queryRunner.query(`CREATE TABLE "warning_firm_status" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_code" character(18) NOT NULL, "status" text NOT NULL, "month" text NOT NULL, "source" text NOT NULL, "import_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2335bc46cb39a828246df940530" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_firm_status_key" ON "warning_firm_status" ("credit_code", "status", "month") `);
    await queryRunner.query(`CREATE TABLE "warning_insurance_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_code" character(18) NOT NULL, "region_code" text NOT NULL, "industry_code" text NOT NULL, "month" text NOT NULL, "previous_headcount" integer NOT NULL, "additions" integer NOT NULL, "reductions" integer NOT NULL, "import_id" uuid, CONSTRAINT "PK_6aea971cb11ac9ce052df13fb5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "warning_insurance_figure_key" ON "warning_insurance_figure" ("credit_code", "month") `);
    await queryRunner.query(`CREATE INDEX "warning_insurance_figure_region_idx" ON "warning_insurance_figure" ("region_code", "month") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "warning_insurance_figure"`);
    await queryRunner.query(`DROP TABLE "warning_firm_status"`);
    await queryRunner.query(`DROP TABLE "warning_market_figure"`);
  }
}
