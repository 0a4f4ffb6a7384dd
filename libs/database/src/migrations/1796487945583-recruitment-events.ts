import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecruitmentEvents1796487945583 implements MigrationInterface {
  name = 'RecruitmentEvents1796487945583';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "recruitment_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "station_id" uuid NOT NULL, "title" text NOT NULL, "type" text NOT NULL, "status" text NOT NULL, "origin" text NOT NULL, "date" date NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "occupation_family" text, "capacity" integer NOT NULL, "headcount_addressed" integer NOT NULL DEFAULT '0', "expected_attendance" integer NOT NULL DEFAULT '0', "reasons" jsonb NOT NULL DEFAULT '[]', "source_run_id" uuid, "description" text NOT NULL DEFAULT '', "stream_url" text, "rejection_reason" text, "created_by" uuid, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_debb04464b830c04458e9e17df0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "recruitment_event_run_key" ON "recruitment_event" ("source_run_id", "station_id", "date", "occupation_family") WHERE source_run_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "recruitment_event_status_date_idx" ON "recruitment_event" ("status", "date") `);
    await queryRunner.query(`CREATE INDEX "recruitment_event_station_date_idx" ON "recruitment_event" ("station_id", "date") `);
    await queryRunner.query(`CREATE TABLE "event_attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "shortage_id" uuid, "score" double precision, "priority_group" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "source" text NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE, "invitation_expires_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "registered_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" uuid, "sms_sent_at" TIMESTAMP WITH TIME ZONE, "reminder_sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_74780f7235f1576b54f93d3dff3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "event_attendee_seeker_idx" ON "event_attendee" ("seeker_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_attendee_event_seeker_key" ON "event_attendee" ("event_id", "seeker_id") `);
    await queryRunner.query(`CREATE TABLE "event_employer" ("event_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "booth" text, "shortage_ids" uuid array NOT NULL DEFAULT '{}', "invitation_status" text NOT NULL DEFAULT 'pending', "invited_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "sms_sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_165c00b265ff881729f8b5e385f" PRIMARY KEY ("event_id", "employer_id"))`);
    await queryRunner.query(`CREATE TABLE "event_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "employer_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "stage" text NOT NULL, "application_id" uuid, "history" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2db7cd7c8d3dd9a206f047a13d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "event_outcome_key" ON "event_outcome" ("event_id", "seeker_id", "shortage_id") `);
    await queryRunner.query(`CREATE TABLE "event_planning" ("run_id" uuid NOT NULL, "proposals" integer NOT NULL DEFAULT '0', "unmet_shortages" integer NOT NULL DEFAULT '0', "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b268e99237e3bb62d53fb13ef34" PRIMARY KEY ("run_id"))`);
    await queryRunner.query(`ALTER TABLE "recruitment_event" ADD CONSTRAINT "FK_874a134efceec95550ee2ae1dfc" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_attendee" ADD CONSTRAINT "FK_d48452e58ac3812d87ca7282a3a" FOREIGN KEY ("event_id") REFERENCES "recruitment_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_attendee" ADD CONSTRAINT "FK_b9945c5fd64e74ea4c9a78fbae2" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_employer" ADD CONSTRAINT "FK_0e9433403dda3e64fb2ef52fb5d" FOREIGN KEY ("event_id") REFERENCES "recruitment_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_employer" ADD CONSTRAINT "FK_bccea6669799968307ade803012" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_outcome" ADD CONSTRAINT "FK_ff159912a3b00d7b387654f36cb" FOREIGN KEY ("event_id") REFERENCES "recruitment_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_outcome" ADD CONSTRAINT "FK_366100bf9530272bb44f0ae61bf" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_366100bf9530272bb44f0ae61bf"`);
    await queryRunner.query(`ALTER TABLE "event_outcome" DROP CONSTRAINT "FK_ff159912a3b00d7b387654f36cb"`);
    await queryRunner.query(`ALTER TABLE "event_employer" DROP CONSTRAINT "FK_bccea6669799968307ade803012"`);
    await queryRunner.query(`ALTER TABLE "event_employer" DROP CONSTRAINT "FK_0e9433403dda3e64fb2ef52fb5d"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "FK_b9945c5fd64e74ea4c9a78fbae2"`);
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP CONSTRAINT "FK_d48452e58ac3812d87ca7282a3a"`);
    await queryRunner.query(`ALTER TABLE "recruitment_event" DROP CONSTRAINT "FK_874a134efceec95550ee2ae1dfc"`);
    await queryRunner.query(`DROP TABLE "event_planning"`);
    await queryRunner.query(`DROP INDEX "public"."event_outcome_key"`);
    await queryRunner.query(`DROP TABLE "event_outcome"`);
    await queryRunner.query(`DROP TABLE "event_employer"`);
    await queryRunner.query(`DROP INDEX "public"."event_attendee_event_seeker_key"`);
    await queryRunner.query(`DROP INDEX "public"."event_attendee_seeker_idx"`);
    await queryRunner.query(`DROP TABLE "event_attendee"`);
    await queryRunner.query(`DROP INDEX "public"."recruitment_event_station_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recruitment_event_status_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recruitment_event_run_key"`);
    await queryRunner.query(`DROP TABLE "recruitment_event"`);
  }
}
