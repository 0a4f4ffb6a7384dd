import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@app/database';
import { liveShortageSql, MatchShard, ShortageMatchFacts } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { SeekerMatchFacts } from '@app/seeker-pool';
import { allocate, buildCandidateIndex, CandidateIndex } from './core';
import { scoreBlockOn, ScoredPair } from './block-scoring';
import { MatchDataRepository } from './match-data.repository';
import { MatchRun, MatchRunTrigger } from './match-run.entity';
import { MatchSettings } from './match-settings';
import { copyReferrals, insertCandidates, lockPairWrites, sweepErasedReferrals } from './match-writer';

/** Complete runs kept besides the newest (older versions are deleted when a run completes). */
const KEEP_PREVIOUS_RUNS = 1;
/** Group indexes a matcher process keeps between shards: one per concurrent job (MatchingProcessor runs 2). */
const GROUP_INDEXES_KEPT = 2;

export const shardKey = (shard: MatchShard) => `${shard.regionCode}:${shard.group}`;

export interface MatchRunProgress {
  id: string;
  status: MatchRun['status'];
  trigger: MatchRunTrigger;
  shardsTotal: number;
  shardsDone: number;
  shortagesScored: number;
  pairsScored: number;
  recommendations: number;
  referrals: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/**
 * Full re-match, in three idempotent steps that a BullMQ flow drives: `plan` lists the shards, `scoreShard`
 * scores one shard into `match_candidate` (its near fits into `training_referral`), `finalize` allocates over every
 * shard at once (a seeker's recommendation limit spans regions) and publishes the run as the new version. Each step
 * re-reads the run and does nothing when it has moved on, so duplicate or retried jobs are harmless.
 */
@Injectable()
export class MatchRunsService {
  private readonly logger = new Logger(MatchRunsService.name);
  /** Candidate indexes of the groups scored last, by run and group (`groupIndex`). */
  private readonly groupIndexes = new Map<string, Promise<CandidateIndex>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: MatchDataRepository,
    private readonly seekerFacts: SeekerMatchFacts,
    private readonly shortageFacts: ShortageMatchFacts,
    private readonly settings: MatchSettings,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Records a run and the outbox row that starts it, in one transaction; a run already in progress is returned instead. */
  async request(trigger: MatchRunTrigger, requestedBy: string | null, manager: EntityManager = this.dataSource.manager): Promise<MatchRun> {
    // A run stuck longer than this (a shard dead-lettered and never redriven) no longer blocks new ones.
    await manager.query(
      `UPDATE match_run SET status = 'failed', error = 'timed out', finished_at = now() WHERE status = 'running' AND started_at < now() - interval '6 hours'`,
    );
    const running = await manager.getRepository(MatchRun).findOne({ where: { status: 'running' }, order: { startedAt: 'DESC' } });
    if (running) return running;
    const run = await manager.getRepository(MatchRun).save({ status: 'running', trigger, requestedBy });
    await OutboxService.writeMany(manager, 'match.run_requested', [run.id]);
    return run;
  }

  /**
   * The shards of a running run (recorded as its total); empty when the run is no longer running. `slots`: how many
   * shards run at once (ShortageMatchFacts.liveShards).
   */
  async plan(runId: string, slots: number): Promise<MatchShard[]> {
    const run = await this.dataSource.getRepository(MatchRun).findOneBy({ id: runId });
    if (run?.status !== 'running') return [];
    const shards = await this.shortageFacts.liveShards(slots);
    await this.dataSource.getRepository(MatchRun).update(runId, { shardsTotal: shards.length });
    return shards;
  }

  /** Scores one shard. Its pairs and its done-marker commit together, so a shard counts once however often it runs. */
  async scoreShard(runId: string, shard: MatchShard, yieldEvery: () => Promise<void> = async () => undefined): Promise<number> {
    const run = await this.dataSource.getRepository(MatchRun).findOneBy({ id: runId });
    if (run?.status !== 'running') return 0;
    const shortages = await this.shortageFacts.inShard(shard);
    const pairs: ScoredPair[] = [];
    if (shortages.length > 0) {
      // Every seeker of the group, located or not (candidate generation keeps those within reach, or in a region
      // within reach when a side has no coordinates): one index serves all the group's shards in this process.
      const index = await this.groupIndex(runId, shard.group);
      await yieldEvery();
      const excluded = await this.data.excludedPairs({ shortageIds: shortages.map((s) => s.id) });
      // Slices of shortages, yielding between them, so a large shard never blocks the event loop long enough to stall.
      for (let start = 0; start < shortages.length; start += 50) {
        pairs.push(...scoreBlockOn(shortages.slice(start, start + 50), index, this.settings.scoring(excluded)));
        await yieldEvery();
      }
    }
    // Near fits do not depend on allocation: they are the run's training referrals already (invisible until the run
    // is the current version), which keeps them out of finalize, the one serial step.
    const eligible = pairs.filter((pair) => pair.kind === 'eligible');
    const nearFits = pairs.filter((pair) => pair.kind === 'near_fit');
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      const marked = await manager.query(
        `INSERT INTO match_run_shard (run_id, shard_key, shortages, pairs, referrals) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING shard_key`,
        [runId, shardKey(shard), shortages.length, eligible.length, nearFits.length],
      );
      if (marked.length === 0) return;
      await insertCandidates(manager, runId, eligible);
      await copyReferrals(manager, runId, nearFits, new Map(shortages.map((s) => [s.id, s])));
    });
    return pairs.length;
  }

  /**
   * The candidate index over every seeker of an occupation group, for one run. A full run's shard is a whole group
   * (PROVINCE_SHARD), so this is read once per shard; a shard of a narrower region prefix, or a job run again in the
   * same process, finds it kept (the last two), and a load in progress is shared by the jobs that need it.
   */
  private groupIndex(runId: string, group: string): Promise<CandidateIndex> {
    const key = `${runId}:${group}`;
    let index = this.groupIndexes.get(key);
    if (!index) {
      index = this.seekerFacts.inGroups([group]).then((seekers) => buildCandidateIndex(seekers));
      // A failed load is not kept: the job's retry reads again.
      index.catch(() => this.groupIndexes.delete(key));
      this.groupIndexes.set(key, index);
      for (const old of this.groupIndexes.keys()) {
        if (this.groupIndexes.size <= GROUP_INDEXES_KEPT) break;
        this.groupIndexes.delete(old);
      }
    }
    return index;
  }

  /** Allocates over every scored pair of the run and publishes it as the latest complete version. */
  async finalize(runId: string): Promise<void> {
    const completed = await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      const [run] = await manager.query(`SELECT status FROM match_run WHERE id = $1 FOR UPDATE`, [runId]);
      if (run?.status !== 'running') return false;
      // From here a seeker's deletion waits for this transaction, and every read below sees the ones before.
      await lockPairWrites(manager);
      // Up to the results' insert every statement reads a whole run's pairs: hash joins. The planner may think the
      // scratch table empty (its statistics are of whenever it was last analyzed, often right after a run emptied it)
      // and probe `shortage` and `seeker` once per pair instead: 2.5 s for the eligible pairs' read at tier M, 0.7 s
      // hashed. (ANALYZE would need the table's owner; the matcher runs as the runtime role.)
      await manager.query(`SET LOCAL enable_nestloop = off`);
      await sweepErasedReferrals(manager, runId);
      // match_candidate is unlogged: a crash of PostgreSQL during the run empties it, and the shards' pairs with it.
      const [written] = await manager.query(
        `SELECT (SELECT coalesce(sum(pairs), 0) FROM match_run_shard WHERE run_id = $1)::int AS recorded,
                (SELECT count(*) FROM match_candidate WHERE run_id = $1)::int AS found`,
        [runId],
      );
      if (written.found < written.recorded) {
        await manager.update(MatchRun, runId, { status: 'failed', finishedAt: new Date(), error: `scored pairs lost (${written.found} of ${written.recorded}): the database restarted during the run` });
        this.logger.error(`match run ${runId} failed: ${written.found} of ${written.recorded} scored pairs found (database restarted during the run)`);
        return false;
      }
      // One row per shortage, its candidates as text lists (millions of pairs at tier L: a row each cost more to
      // receive and parse than the allocation). Both lists aggregate the same rows in the same order. The lists of
      // every shortage at once (~150 MB at L) are grouped in memory rather than sorted on disk.
      await manager.query(`SET LOCAL work_mem = '256MB'`);
      const rows: { shortage_id: string; open: number; seekers: string; scores: string }[] = await manager.query(
        `SELECT s.id AS shortage_id, greatest(s.headcount - s.filled_headcount, 0) AS open,
                string_agg(c.seeker_id::text, ',') AS seekers, string_agg(c.score::text, ',') AS scores
         FROM match_candidate c JOIN shortage s ON s.id = c.shortage_id
         WHERE c.run_id = $1 AND c.kind = 'eligible' AND ${liveShortageSql('s')}
           AND EXISTS (SELECT 1 FROM seeker p WHERE p.id = c.seeker_id)
         GROUP BY s.id`,
        [runId],
      );
      const lists = rows.map((row) => {
        const scores = row.scores.split(',');
        return {
          shortageId: row.shortage_id,
          capacity: this.settings.shortlistSize(Number(row.open)),
          candidates: row.seekers.split(',').map((seekerId, k) => ({ seekerId, score: Number(scores[k]) })),
        };
      });
      const allocation = allocate(lists, { seekerCapacity: this.settings.maxRecommendations });
      const shortageIds: string[] = [];
      const seekerIds: string[] = [];
      for (const [shortageId, seekers] of allocation) {
        for (const seekerId of seekers) {
          shortageIds.push(shortageId);
          seekerIds.push(seekerId);
        }
      }
      await manager.query(
        `INSERT INTO match_result (run_id, shortage_id, seeker_id, score, explanation)
         SELECT c.run_id, c.shortage_id, c.seeker_id, c.score, c.explanation
         FROM unnest($2::uuid[], $3::uuid[]) AS a(shortage_id, seeker_id)
         JOIN match_candidate c ON c.run_id = $1 AND c.shortage_id = a.shortage_id AND c.seeker_id = a.seeker_id
         ON CONFLICT DO NOTHING`,
        [runId, shortageIds, seekerIds],
      );
      // The rest finds few rows by index (the failed runs' referrals, the old versions).
      await manager.query(`SET LOCAL enable_nestloop = on`);
      const [counts] = await manager.query(
        `SELECT (SELECT coalesce(sum(shortages), 0) FROM match_run_shard WHERE run_id = $1)::int AS shortages,
                (SELECT coalesce(sum(pairs + referrals), 0) FROM match_run_shard WHERE run_id = $1)::int AS pairs,
                (SELECT count(*) FROM training_referral WHERE run_id = $1)::int AS referrals`,
        [runId],
      );
      await manager.update(MatchRun, runId, {
        status: 'complete',
        finishedAt: new Date(),
        shortagesScored: counts.shortages,
        pairsScored: counts.pairs,
        recommendations: shortageIds.length,
        referrals: counts.referrals,
      });
      // One run at a time (`request`), so the table holds only this run's pairs and the leftovers of failed runs:
      // emptied at once (a DELETE of millions of rows at tier L wrote them all to the WAL again).
      await manager.query(`TRUNCATE match_candidate`);
      await this.dropOldVersions(manager);
      // Changes made while the run was scoring went into the version it replaces: replay them into this one.
      await manager.query(OutboxService.replaySql(['shortage.changed', 'seeker.changed'], '(SELECT started_at FROM match_run WHERE id = $1)'), [runId]);
      // A complete full run is what event planning works from (libs/events); planned once per run.
      await OutboxService.writeMany(manager, 'events.plan_requested', [runId]);
      return true;
    });
    if (completed) this.logger.log(`match run ${runId} complete`);
  }

  async progress(runId: string, manager: EntityManager = this.dataSource.manager): Promise<MatchRunProgress> {
    const run = await manager.getRepository(MatchRun).findOneBy({ id: runId });
    if (!run) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    return this.withProgress(run, manager);
  }

  async list(offset: number, limit: number): Promise<[MatchRunProgress[], number]> {
    const [runs, total] = await this.dataSource.getRepository(MatchRun).findAndCount({ order: { startedAt: 'DESC' }, skip: offset, take: limit });
    return [await Promise.all(runs.map((run) => this.withProgress(run))), total];
  }

  private async withProgress(run: MatchRun, manager: EntityManager = this.dataSource.manager): Promise<MatchRunProgress> {
    const [{ done }] = await manager.query(`SELECT count(*)::int AS done FROM match_run_shard WHERE run_id = $1`, [run.id]);
    const { requestedBy: _requestedBy, ...fields } = run;
    return { ...fields, shardsDone: done };
  }

  private async dropOldVersions(manager: EntityManager): Promise<void> {
    const old: { id: string }[] = await manager.query(
      `SELECT id FROM match_run WHERE status = 'complete' ORDER BY finished_at DESC OFFSET $1`,
      [1 + KEEP_PREVIOUS_RUNS],
    );
    // A failed run's shards may have written referrals already.
    await manager.query(`DELETE FROM training_referral WHERE run_id IN (SELECT id FROM match_run WHERE status = 'failed')`);
    const ids = old.map((row) => row.id);
    if (ids.length === 0) return;
    await manager.query(`DELETE FROM match_result WHERE run_id = ANY($1)`, [ids]);
    await manager.query(`DELETE FROM training_referral WHERE run_id = ANY($1)`, [ids]);
  }
}
