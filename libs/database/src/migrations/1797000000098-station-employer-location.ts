import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How precisely a station's or an employer's coordinates are known (as for shortages and seekers). Both may now be
 * created with an address only: the write path geocodes it. Rows that already have coordinates are points.
 */
export class StationEmployerLocation1797000000098 implements MigrationInterface {
  name = 'StationEmployerLocation1797000000098';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['station', 'employer']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "location_precision" text`);
      await queryRunner.query(`UPDATE "${table}" SET "location_precision" = 'point' WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['station', 'employer']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "location_precision"`);
    }
  }
}
