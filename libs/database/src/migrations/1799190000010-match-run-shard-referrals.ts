import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (scale): a full re-match's shards write their near-fit pairs straight into `training_referral` (they do not
 * depend on allocation), so finalize, the one serial step of a run, no longer copies ~850k of them at tier L. A shard
 * records how many it wrote besides the pairs it left in `match_candidate` for allocation.
 */
export class MatchRunShardReferrals1799190000010 implements MigrationInterface {
  name = 'MatchRunShardReferrals1799190000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_run_shard" ADD "referrals" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_run_shard" DROP COLUMN "referrals"`);
  }
}
