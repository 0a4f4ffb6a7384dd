import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 17: an employer may ask for an SMS on each new application; the application keeps when that SMS went out. */
export class ApplicationSms1799000700000 implements MigrationInterface {
  name = 'ApplicationSms1799000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "employer" ADD "sms_on_application" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "application" ADD "employer_sms_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "employer_sms_at"`);
    await queryRunner.query(`ALTER TABLE "employer" DROP COLUMN "sms_on_application"`);
  }
}
