import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (B14): a search's `search_text ILIKE '%…%'` made the planner match the pattern against the column's 100
 * sampled texts (its histogram, each a whole document's text) to estimate its selectivity: ~0.45 ms
 * of the job search's ~0.8 ms of planning at tier M, on every search. A sample of 100 texts says little about how often a
 * word occurs anyway, so the column keeps a minimal sample and the planner uses its fixed estimate for patterns (plans
 * still AND the GIN indexes' bitmaps). Takes effect at the next ANALYZE (the engine's `settle` after a rebuild, or autovacuum).
 */
export class SearchTextStatistics1799200000000 implements MigrationInterface {
  name = 'SearchTextStatistics1799200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_document" ALTER COLUMN "search_text" SET STATISTICS 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_document" ALTER COLUMN "search_text" SET STATISTICS -1`);
  }
}
