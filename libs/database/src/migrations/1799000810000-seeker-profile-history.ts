import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 17 (a fuller profile): education and work history, job-seeking status and a self-introduction. */
export class SeekerProfileHistory1799000810000 implements MigrationInterface {
  name = 'SeekerProfileHistory1799000810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "seeker" ADD "education_history" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "seeker" ADD "work_history" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "seeker" ADD "job_seeking_status" text`);
    await queryRunner.query(`ALTER TABLE "seeker" ADD "self_introduction" text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['self_introduction', 'job_seeking_status', 'work_history', 'education_history']) {
      await queryRunner.query(`ALTER TABLE "seeker" DROP COLUMN "${column}"`);
    }
  }
}
