import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in search engine's index (libs/search, PostgresSearchEngine): one row per document and index,
 * no TypeORM entity. `tsv` holds jieba-segmented words; `search_text` the plain text for substring (suffix)
 * matches through pg_trgm; `tags` the exact filters (occupation levels, regions, skills, certificates …).
 * `id` is in the C collation so that listIds pages in code point order on any server locale.
 */
export class SearchDocuments1795586803706 implements MigrationInterface {
  name = 'SearchDocuments1795586803706';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE "search_document" (
        "index_name" text NOT NULL,
        "id" text COLLATE "C" NOT NULL,
        "doc" jsonb NOT NULL,
        "tsv" tsvector NOT NULL,
        "search_text" text NOT NULL,
        "text_initials" text NOT NULL DEFAULT '',
        "han_bigrams" text[] NOT NULL DEFAULT '{}',
        "tags" text[] NOT NULL DEFAULT '{}',
        "region_code" text,
        "wage_low" integer,
        "wage_high" integer,
        "skill_level" integer,
        "lat" double precision,
        "lng" double precision,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "search_document_pkey" PRIMARY KEY ("index_name", "id")
      )`);
    await queryRunner.query(`CREATE INDEX "search_document_tsv_idx" ON "search_document" USING gin ("tsv")`);
    await queryRunner.query(`CREATE INDEX "search_document_tags_idx" ON "search_document" USING gin ("tags")`);
    await queryRunner.query(`CREATE INDEX "search_document_text_trgm_idx" ON "search_document" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "search_document_bigrams_idx" ON "search_document" USING gin ("han_bigrams")`);
    await queryRunner.query(`CREATE INDEX "search_document_initials_trgm_idx" ON "search_document" USING gin ("text_initials" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "search_document_geo_idx" ON "search_document" ("index_name", "lat", "lng")`);
    await queryRunner.query(`CREATE INDEX "search_document_updated_idx" ON "search_document" ("index_name", "updated_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_document"`);
  }
}
