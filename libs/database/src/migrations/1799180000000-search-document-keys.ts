import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One GIN index over a document's words, character pairs and tags together, so that a search for skill words within
 * an occupation and a region finds the documents that have all three in one index scan (see `keysMatch` in
 * postgres-search-query.ts). `array_remove` because array_to_tsvector refuses empty strings.
 */
export class SearchDocumentKeys1799180000000 implements MigrationInterface {
  name = 'SearchDocumentKeys1799180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "search_document_keys_idx" ON "search_document" USING gin ((tsv || array_to_tsvector(array_remove(han_bigrams || tags, ''))))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "search_document_keys_idx"`);
  }
}
