import { MigrationInterface, QueryRunner } from 'typeorm';

/** An import job's report says how each row was located (geocoded address, region, or the coordinates given). */
export class ImportLocations1797000000060 implements MigrationInterface {
  name = 'ImportLocations1797000000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" ADD "locations" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "locations"`);
  }
}
