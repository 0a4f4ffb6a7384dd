import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (scale): a full re-match writes millions of `match_candidate` rows (3.9M at tier L). Their foreign key to
 * `seeker` locked the seeker row of every pair (FOR KEY SHARE: a WAL record and a dirtied seeker page each, and
 * MultiXacts when two workers' shards name the same seeker); at tier M the writes were most of a run's time. The
 * table is a run's scratch space: finalize reads it joined to `seeker` (a seeker deleted meanwhile is left out) and
 * then empties it, and the tables it feeds keep their keys.
 */
export class MatchCandidateWithoutSeekerKey1799110000000 implements MigrationInterface {
  name = 'MatchCandidateWithoutSeekerKey1799110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_candidate" DROP CONSTRAINT "FK_1dbe7519e6a8595a4fcdef8030e"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "match_candidate" c WHERE NOT EXISTS (SELECT 1 FROM "seeker" p WHERE p.id = c.seeker_id)`);
    await queryRunner.query(
      `ALTER TABLE "match_candidate" ADD CONSTRAINT "FK_1dbe7519e6a8595a4fcdef8030e" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
