import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: run versions, scored candidates of a run in progress, results, decisions, training referrals;
 * the in-app inbox. Also the blocking index of matching: a seeker's occupation medium groups ('4-10'), from
 * desired and past occupations, through an immutable SQL function and a GIN index on it (declared on the
 * Seeker entity with synchronize: false, since TypeORM cannot describe expression indexes).
 */
export class MatchingAndNotifications1796486062827 implements MigrationInterface {
  name = 'MatchingAndNotifications1796486062827';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION occupation_groups(desired text[], experience jsonb) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}') FROM (
          SELECT substring(code from '^[0-9]+-[0-9]+') AS g FROM unnest(desired) AS code
          UNION SELECT substring(e->>'occupationCode' from '^[0-9]+-[0-9]+') FROM jsonb_array_elements(experience) AS e
        ) AS groups WHERE g IS NOT NULL
      $$`);
    await queryRunner.query(`CREATE INDEX "seeker_occupation_groups_idx" ON "seeker" USING gin (occupation_groups("desired_occupations", "experience"))`);
    await queryRunner.query(`CREATE TABLE "match_candidate" ("run_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "score" double precision NOT NULL, "kind" text NOT NULL, "explanation" jsonb NOT NULL, CONSTRAINT "PK_c061b68120e4ff39e2f7631c334" PRIMARY KEY ("run_id", "shortage_id", "seeker_id"))`);
    await queryRunner.query(`CREATE TABLE "match_decision" ("shortage_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "decision" text NOT NULL, "reason" text, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "score" double precision, "explanation" jsonb, CONSTRAINT "PK_88c76be274714c0b0d44b06660b" PRIMARY KEY ("shortage_id", "seeker_id"))`);
    await queryRunner.query(`CREATE INDEX "match_decision_seeker_idx" ON "match_decision" ("seeker_id") `);
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "body_zh" text NOT NULL, "body_en" text NOT NULL, "link" text, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification" ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "notification_user_idx" ON "notification" ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "match_result" ("run_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "score" double precision NOT NULL, "explanation" jsonb NOT NULL, CONSTRAINT "PK_5c0bba59091c57db65e23a6afda" PRIMARY KEY ("run_id", "shortage_id", "seeker_id"))`);
    await queryRunner.query(`CREATE INDEX "match_result_seeker_idx" ON "match_result" ("run_id", "seeker_id") `);
    await queryRunner.query(`CREATE TABLE "match_run_shard" ("run_id" uuid NOT NULL, "shard_key" text NOT NULL, "shortages" integer NOT NULL, "pairs" integer NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2690b62594f632a34831c95f20" PRIMARY KEY ("run_id", "shard_key"))`);
    await queryRunner.query(`CREATE TABLE "match_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" text NOT NULL, "trigger" text NOT NULL, "requested_by" uuid, "shards_total" integer NOT NULL DEFAULT '0', "shortages_scored" integer NOT NULL DEFAULT '0', "pairs_scored" integer NOT NULL DEFAULT '0', "recommendations" integer NOT NULL DEFAULT '0', "referrals" integer NOT NULL DEFAULT '0', "error" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc817fe400873d2c4664c5daef5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "match_run_status_idx" ON "match_run" ("status", "finished_at") `);
    await queryRunner.query(`CREATE TABLE "training_referral" ("run_id" uuid NOT NULL, "shortage_id" uuid NOT NULL, "seeker_id" uuid NOT NULL, "occupation_code" text NOT NULL, "region_code" text NOT NULL, "score" double precision NOT NULL, "gaps" jsonb NOT NULL, CONSTRAINT "PK_60c1afbe8a7759c4d59671577e7" PRIMARY KEY ("run_id", "shortage_id", "seeker_id"))`);
    await queryRunner.query(`CREATE INDEX "training_referral_seeker_idx" ON "training_referral" ("run_id", "seeker_id") `);
    await queryRunner.query(`ALTER TABLE "match_candidate" ADD CONSTRAINT "FK_1dbe7519e6a8595a4fcdef8030e" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "match_decision" ADD CONSTRAINT "FK_a8c00bb20b6459d02ce6c340775" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "match_result" ADD CONSTRAINT "FK_233af2f3bacce8aea2b3ef3e110" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_referral" ADD CONSTRAINT "FK_85acb35461e0c85b206de71e22e" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."seeker_occupation_groups_idx"`);
    await queryRunner.query(`DROP FUNCTION occupation_groups(text[], jsonb)`);
    await queryRunner.query(`ALTER TABLE "training_referral" DROP CONSTRAINT "FK_85acb35461e0c85b206de71e22e"`);
    await queryRunner.query(`ALTER TABLE "match_result" DROP CONSTRAINT "FK_233af2f3bacce8aea2b3ef3e110"`);
    await queryRunner.query(`ALTER TABLE "match_decision" DROP CONSTRAINT "FK_a8c00bb20b6459d02ce6c340775"`);
    await queryRunner.query(`ALTER TABLE "match_candidate" DROP CONSTRAINT "FK_1dbe7519e6a8595a4fcdef8030e"`);
    await queryRunner.query(`DROP INDEX "public"."training_referral_seeker_idx"`);
    await queryRunner.query(`DROP TABLE "training_referral"`);
    await queryRunner.query(`DROP INDEX "public"."match_run_status_idx"`);
    await queryRunner.query(`DROP TABLE "match_run"`);
    await queryRunner.query(`DROP TABLE "match_run_shard"`);
    await queryRunner.query(`DROP INDEX "public"."match_result_seeker_idx"`);
    await queryRunner.query(`DROP TABLE "match_result"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."match_decision_seeker_idx"`);
    await queryRunner.query(`DROP TABLE "match_decision"`);
    await queryRunner.query(`DROP TABLE "match_candidate"`);
  }
}
