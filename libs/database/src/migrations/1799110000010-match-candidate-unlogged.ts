import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (scale): `match_candidate` holds a running full re-match's scored pairs (3.9M rows, ~1.7 GB at tier L),
 * emptied when the run completes. Written to the WAL, they were most of a run's write volume and shard commits
 * queued on WAL writes. Unlogged, a crash of PostgreSQL empties the table: finalize compares the pairs found with the
 * pairs the shards recorded and fails the run instead of publishing an incomplete one (the next run starts over).
 */
export class MatchCandidateUnlogged1799110000010 implements MigrationInterface {
  name = 'MatchCandidateUnlogged1799110000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_candidate" SET UNLOGGED`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_candidate" SET LOGGED`);
  }
}
