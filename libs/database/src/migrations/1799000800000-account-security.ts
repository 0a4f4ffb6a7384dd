import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (accounts): sign-in by phone (encrypted number with a keyed hash on the account), token versions (a
 * password change ends the other sessions), the versioned privacy-policy and terms consent, and one-time SMS codes
 * (hashed, short-lived, single-use; one row per request, also for unknown numbers, so limits do not reveal accounts).
 */
export class AccountSecurity1799000800000 implements MigrationInterface {
  name = 'AccountSecurity1799000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "phone_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "phone_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "terms_version" text`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "terms_accepted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_phone_hash_key" ON "app_user" ("phone_hash") WHERE phone_hash IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "sms_code" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "phone_hash" character(64) NOT NULL,
        "user_id" uuid,
        "purpose" text NOT NULL,
        "code_hash" character(64),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sms_code_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sms_code_phone_idx" ON "sms_code" ("phone_hash", "created_at")`);
    await queryRunner.query(`CREATE INDEX "sms_code_user_idx" ON "sms_code" ("user_id")`);
    await queryRunner.query(
      `ALTER TABLE "sms_code" ADD CONSTRAINT "FK_bc086859b7c26b63e1313a92b3b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_code"`);
    await queryRunner.query(`DROP INDEX "app_user_phone_hash_key"`);
    for (const column of ['terms_accepted_at', 'terms_version', 'token_version', 'phone_hash', 'phone_encrypted']) {
      await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "${column}"`);
    }
  }
}
