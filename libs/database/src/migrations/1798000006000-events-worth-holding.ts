import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events worth holding: an event's occupation families (several for a 综合招聘会), the unmet shortages a
 * planning sent to direct referral (too small for any event), counted per planning, and a station's open weekdays
 * and closure, which planning respects and whose change re-plans its events (`station.changed`).
 */
export class EventsWorthHolding1798000006000 implements MigrationInterface {
  name = 'EventsWorthHolding1798000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recruitment_event" ADD "occupation_families" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "recruitment_event" SET "occupation_families" = ARRAY["occupation_family"] WHERE "occupation_family" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "event_planning" ADD "referrals" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `CREATE TABLE "event_referral" ("run_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "seeker_ids" uuid array NOT NULL DEFAULT '{}', "cause" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_event_referral" PRIMARY KEY ("run_id", "shortage_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "station" ADD "open_weekdays" integer array NOT NULL DEFAULT '{0,1,2,3,4,5,6}'`);
    await queryRunner.query(`ALTER TABLE "station" ADD "closed_from" date`);
    await queryRunner.query(`ALTER TABLE "station" ADD "closed_until" date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['closed_until', 'closed_from', 'open_weekdays']) await queryRunner.query(`ALTER TABLE "station" DROP COLUMN "${column}"`);
    await queryRunner.query(`DROP TABLE "event_referral"`);
    await queryRunner.query(`ALTER TABLE "event_planning" DROP COLUMN "referrals"`);
    await queryRunner.query(`ALTER TABLE "recruitment_event" DROP COLUMN "occupation_families"`);
  }
}
