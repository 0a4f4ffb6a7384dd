import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subsidy claim workflow (issue 19): region, filed facts, reviewers, public notice and reasons on the claim; its status history. */
export class SubsidyClaimWorkflow1799000300000 implements MigrationInterface {
  name = 'SubsidyClaimWorkflow1799000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "subsidy_claim_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claim_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "event" text NOT NULL, "actor_id" uuid, "capacity" text NOT NULL, "reasons_zh" text, "reasons_en" text, "decision_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fdbbf9c8e8a9f3228cbc5ebe57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_transition_claim_idx" ON "subsidy_claim_transition" ("claim_id", "at") `);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "region_code" text`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "details" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "person_id_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "offered_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "county_reviewed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "city_reviewed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "notice_from" date`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "notice_until" date`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "reasons_zh" text`);
    await queryRunner.query(`ALTER TABLE "subsidy_claim" ADD "reasons_en" text`);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_queue_idx" ON "subsidy_claim" ("status", "region_code") `);
    await queryRunner.query(`CREATE INDEX "subsidy_claim_claimant_idx" ON "subsidy_claim" ("claimant_id", "status") `);
    await queryRunner.query(`ALTER TABLE "subsidy_claim_transition" ADD CONSTRAINT "FK_2842cb7e8dacf1aa9022b8e7cd3" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subsidy_claim_transition" DROP CONSTRAINT "FK_2842cb7e8dacf1aa9022b8e7cd3"`);
    await queryRunner.query(`DROP INDEX "subsidy_claim_claimant_idx"`);
    await queryRunner.query(`DROP INDEX "subsidy_claim_queue_idx"`);
    for (const column of ['reasons_en', 'reasons_zh', 'notice_until', 'notice_from', 'city_reviewed_by', 'county_reviewed_by', 'offered_at', 'person_id_encrypted', 'details', 'region_code']) {
      await queryRunner.query(`ALTER TABLE "subsidy_claim" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "subsidy_claim_transition"`);
  }
}
