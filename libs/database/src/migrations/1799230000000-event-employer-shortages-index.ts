import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (B14): every job search asks which published events recruit for the page's jobs
 * (`event_employer.shortage_ids && $1`), and without an index that read the whole table on each search: empty in the
 * benchmark, a year of events' booths in production. GIN over the array answers the overlap from the index.
 */
export class EventEmployerShortagesIndex1799230000000 implements MigrationInterface {
  name = 'EventEmployerShortagesIndex1799230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "event_employer_shortage_ids_idx" ON "event_employer" USING gin ("shortage_ids")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."event_employer_shortage_ids_idx"`);
  }
}
