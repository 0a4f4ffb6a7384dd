import { PrimaryColumn } from 'typeorm';

/**
 * The key of a (seeker, shortage) pair in one run's version of the results, shared by the tables of a run. No foreign
 * key to the seeker: a seeker's deletion erases their pairs by trigger, and writers hold `match_pairs_write_lock()`
 * (migration MatchPairsErasedWithSeeker…; `lockPairWrites`).
 */
export abstract class RunPairColumns {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @PrimaryColumn({ type: 'uuid' })
  seekerId: string;
}
