import { MigrationInterface, QueryRunner } from 'typeorm';

/** import_job: background workbook imports with their progress and report (the row is the job's durable record). */
export class ImportJobs1795586426474 implements MigrationInterface {
  name = 'ImportJobs1795586426474';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "mode" text NOT NULL, "file" bytea NOT NULL, "file_name" text NOT NULL, "total" integer NOT NULL DEFAULT '0', "processed" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "failure_reason" text, "requested_by" uuid NOT NULL, "requested_role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "import_job_requested_by_idx" ON "import_job" ("requested_by", "created_at") `);
    await queryRunner.query(`CREATE INDEX "import_job_status_idx" ON "import_job" ("status") `);
    await queryRunner.query(`ALTER TABLE "import_job" ADD CONSTRAINT "FK_5c66bf447ea3a64bafda2f01177" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "FK_5c66bf447ea3a64bafda2f01177"`);
    await queryRunner.query(`DROP INDEX "public"."import_job_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."import_job_requested_by_idx"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
  }
}
