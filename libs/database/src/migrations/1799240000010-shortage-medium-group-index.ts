import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (B16): each shard of a full run reads the live shortages of one occupation medium group
 * (`mediumGroupSql`, a regular expression over the code). Without an index every shard's read ran the expression over
 * the whole table: 19 ms at tier M (6,000 shortages) for each of 32 shards, ~10 times that at L; 4 ms with it.
 * The expression must stay the one `mediumGroupSql` writes for the planner to use the index.
 */
export class ShortageMediumGroupIndex1799240000010 implements MigrationInterface {
  name = 'ShortageMediumGroupIndex1799240000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "shortage_medium_group_idx" ON "shortage" ((substring("occupation_code" from '^[0-9]+-[0-9]+')))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."shortage_medium_group_idx"`);
  }
}
