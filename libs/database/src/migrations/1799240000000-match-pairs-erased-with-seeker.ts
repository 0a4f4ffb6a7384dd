import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22 (B16): a run's recommendations (`match_result`) and training referrals (`training_referral`) no longer
 * hold a foreign key to `seeker`. The key's check locked every referenced seeker row (FOR KEY SHARE, a heap write and
 * a WAL record each): at tier M it was 1.2 s of the backend's CPU for the 84,771 results finalize writes, the one
 * serial step of a full run, and as much again for the shards' 89,739 referrals, of the ~15 s the database spends
 * on a run. What the key gave is kept by these parts instead:
 * - a seeker's deletion (or TRUNCATE) deletes their pairs in every version (`match_pairs_erase_seekers`), as the
 *   key's ON DELETE CASCADE did;
 * - a pair written for a seeker deleted meanwhile: every writer of pairs holds `match_pairs_write_lock()` (shared)
 *   until it commits and writes only pairs whose seeker exists once it holds it; the deletion takes the same lock
 *   exclusively before it deletes the pairs. So a deletion waits for the writers that may have read the seeker and
 *   then sees their pairs, and a writer that starts later no longer finds the seeker. Finalize holds it throughout,
 *   so a deletion meanwhile waits for it (seconds at tier M, up to a minute at L), as the deletion of a seeker on the
 *   new shortlists waited for the key's row locks before.
 * The lock's key is here only: the writers call the function.
 */
export class MatchPairsErasedWithSeeker1799240000000 implements MigrationInterface {
  name = 'MatchPairsErasedWithSeeker1799240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_result" DROP CONSTRAINT "FK_233af2f3bacce8aea2b3ef3e110"`);
    await queryRunner.query(`ALTER TABLE "training_referral" DROP CONSTRAINT "FK_85acb35461e0c85b206de71e22e"`);
    await queryRunner.query(`
      CREATE FUNCTION match_pairs_write_lock() RETURNS void LANGUAGE sql AS $$
        SELECT pg_advisory_xact_lock_shared(hashtext('match_pairs_write'))
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION match_pairs_erase_seekers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('match_pairs_write'));
        IF TG_OP = 'TRUNCATE' THEN
          TRUNCATE match_result, training_referral;
        ELSE
          -- Per version: the indexes lead with the run.
          DELETE FROM match_result r USING gone, match_run v WHERE r.run_id = v.id AND r.seeker_id = gone.id;
          DELETE FROM training_referral t USING gone, match_run v WHERE t.run_id = v.id AND t.seeker_id = gone.id;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER seeker_erases_match_pairs AFTER DELETE ON seeker REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION match_pairs_erase_seekers()`,
    );
    await queryRunner.query(`CREATE TRIGGER seeker_truncate_erases_match_pairs AFTER TRUNCATE ON seeker FOR EACH STATEMENT EXECUTE FUNCTION match_pairs_erase_seekers()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER seeker_truncate_erases_match_pairs ON seeker`);
    await queryRunner.query(`DROP TRIGGER seeker_erases_match_pairs ON seeker`);
    await queryRunner.query(`DROP FUNCTION match_pairs_erase_seekers()`);
    await queryRunner.query(`DROP FUNCTION match_pairs_write_lock()`);
    await queryRunner.query(`DELETE FROM training_referral t WHERE NOT EXISTS (SELECT 1 FROM seeker p WHERE p.id = t.seeker_id)`);
    await queryRunner.query(`DELETE FROM match_result r WHERE NOT EXISTS (SELECT 1 FROM seeker p WHERE p.id = r.seeker_id)`);
    await queryRunner.query(
      `ALTER TABLE "training_referral" ADD CONSTRAINT "FK_85acb35461e0c85b206de71e22e" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_result" ADD CONSTRAINT "FK_233af2f3bacce8aea2b3ef3e110" FOREIGN KEY ("seeker_id") REFERENCES "seeker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
