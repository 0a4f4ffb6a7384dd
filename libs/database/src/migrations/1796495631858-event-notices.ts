import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventNotices1796495631858 implements MigrationInterface {
  name = 'EventNotices1796495631858';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_attendee" ADD "last_notice" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_attendee" DROP COLUMN "last_notice"`);
  }
}
