import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (scale): a full re-match's scratch pairs keep their explanation as `json` (checked text) rather than
 * `jsonb`. Only about half of the pairs end up as results or referrals; converting every pair's explanation to jsonb
 * on the way in cost PostgreSQL CPU on 3.9M rows at tier L and about doubled the table (~590 bytes per explanation
 * as jsonb). Finalize converts the kept ones when it copies them into `match_result` and `training_referral`.
 */
export class MatchCandidateJsonExplanation1799190000000 implements MigrationInterface {
  name = 'MatchCandidateJsonExplanation1799190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_candidate" ALTER COLUMN "explanation" TYPE json USING "explanation"::json`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_candidate" ALTER COLUMN "explanation" TYPE jsonb USING "explanation"::jsonb`);
  }
}
