import { MigrationInterface, QueryRunner } from 'typeorm';

export class Applications1795586494875 implements MigrationInterface {
  name = 'Applications1795586494875';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seeker_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'applied', "contact_shared" boolean NOT NULL DEFAULT false, "history" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "application_shortage_idx" ON "application" ("shortage_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "application_seeker_shortage_key" ON "application" ("seeker_id", "shortage_id") `);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "FK_843d76e073379a8a796661d0fae" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "FK_81371d5ba907286cf40b02c219b" FOREIGN KEY ("shortage_id") REFERENCES "shortage"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "FK_81371d5ba907286cf40b02c219b"`);
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "FK_843d76e073379a8a796661d0fae"`);
    await queryRunner.query(`DROP INDEX "public"."application_seeker_shortage_key"`);
    await queryRunner.query(`DROP INDEX "public"."application_shortage_idx"`);
    await queryRunner.query(`DROP TABLE "application"`);
  }
}
