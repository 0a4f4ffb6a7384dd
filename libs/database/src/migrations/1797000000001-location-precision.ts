import { MigrationInterface, QueryRunner } from 'typeorm';

/** How precisely a shortage's or a seeker's coordinates are known; rows that already have coordinates are points. */
export class LocationPrecision1797000000001 implements MigrationInterface {
  name = 'LocationPrecision1797000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['shortage', 'seeker']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "location_precision" text`);
      await queryRunner.query(`UPDATE "${table}" SET "location_precision" = 'point' WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['shortage', 'seeker']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "location_precision"`);
    }
  }
}
