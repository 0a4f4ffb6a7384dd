import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue B16: a recommendation's explanation is stored as `json` (checked text), like the run's scratch pairs. Finalize,
 * the one serial step of a full re-match, converted every kept pair's explanation to jsonb on its way into
 * `match_result`: the scores in it (doubles with 16–17 digits) became numerics. Writing the 84,771 results of tier M
 * took 4.0–4.4 s of the backend's CPU with the cast and 2.5–3.2 s without (same pairs, alternated, load average 10). Nothing queries
 * inside an explanation (it is read whole and rendered in Node), and as json it is half the size (~280 bytes, ~590).
 */
export class MatchResultJsonExplanation1799220000000 implements MigrationInterface {
  name = 'MatchResultJsonExplanation1799220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_result" ALTER COLUMN "explanation" TYPE json USING "explanation"::json`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_result" ALTER COLUMN "explanation" TYPE jsonb USING "explanation"::jsonb`);
  }
}
