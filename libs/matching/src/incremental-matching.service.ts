import { Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager } from 'typeorm';
import { ShortageMatchFacts } from '@app/employer-demand';
import { SeekerMatchFacts } from '@app/seeker-pool';
import { mediumGroupOf } from '@app/taxonomy';
import { best, scoreBlock, ScoredPair } from './block-scoring';
import { boxAround, MatchDataRepository } from './match-data.repository';
import { MatchSettings } from './match-settings';
import { MatchVersions } from './match-versions.service';
import { insertReferrals, insertResults, lockPairWrites } from './match-writer';

/**
 * Keeps the latest version of the results current between full runs: a shortage that opened or changed gets
 * its shortlist again; a seeker who changed gets their recommendations again. Capacities hold (a shortlist's
 * size, a seeker's limit) but greedily, one record at a time; the next full run restores global stability.
 * Both methods re-read everything by id and replace what they own, so repeated jobs are harmless.
 */
@Injectable()
export class IncrementalMatchingService {
  constructor(
    private readonly data: MatchDataRepository,
    private readonly seekerFacts: SeekerMatchFacts,
    private readonly shortageFacts: ShortageMatchFacts,
    private readonly settings: MatchSettings,
    private readonly versions: MatchVersions,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async rematchShortage(shortageId: string): Promise<void> {
    const runId = await this.versions.currentOrBaseline();
    const shortage = await this.shortageFacts.live(shortageId);
    const group = shortage && mediumGroupOf(shortage.occupationCode);
    const box = shortage && boxAround([shortage], this.settings.reachKm);
    let pairs: ScoredPair[] = [];
    // Without coordinates (box null) the shortage is matched by region: its county's seekers, located or not.
    if (shortage && group) {
      const seekers = await this.seekerFacts.near([group], box, [shortage.regionCode]);
      const excluded = await this.data.excludedPairs({ shortageIds: [shortageId] });
      pairs = scoreBlock([shortage], seekers, this.settings.scoring(excluded));
    }
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      await lockPairWrites(manager);
      await manager.query(`DELETE FROM match_result WHERE run_id = $1 AND shortage_id = $2`, [runId, shortageId]);
      await manager.query(`DELETE FROM training_referral WHERE run_id = $1 AND shortage_id = $2`, [runId, shortageId]);
      if (!shortage) return;
      const eligible = pairs.filter((pair) => pair.kind === 'eligible');
      const load = await recommendationCounts(manager, runId, eligible.map((pair) => pair.seekerId));
      const withRoom = eligible.filter((pair) => (load.get(pair.seekerId) ?? 0) < this.settings.maxRecommendations);
      await insertResults(manager, runId, best(withRoom, this.settings.shortlistSize(shortage.openHeadcount)));
      await insertReferrals(manager, runId, pairs.filter((pair) => pair.kind === 'near_fit'));
    });
  }

  /** A deleted seeker leaves every version; a changed one is offered to the shortages it now fits best. */
  async rematchSeeker(seekerId: string): Promise<void> {
    const seeker = await this.seekerFacts.ofSeeker(seekerId);
    if (!seeker) {
      await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
        const manager = this.txHost.tx;
        await manager.query(`DELETE FROM match_result WHERE seeker_id = $1`, [seekerId]);
        await manager.query(`DELETE FROM training_referral WHERE seeker_id = $1`, [seekerId]);
      });
      return;
    }
    const runId = await this.versions.currentOrBaseline();
    const groups = [...new Set([...seeker.desiredOccupations, ...seeker.experience.map((past) => past.occupationCode)].map(mediumGroupOf))]
      .filter((group): group is string => group !== null);
    const box = boxAround([seeker], this.settings.reachKm);
    const shortages = await this.shortageFacts.liveNear(groups, box, [seeker.regionCode]);
    const excluded = await this.data.excludedPairs({ seekerId });
    const pairs = scoreBlock(shortages, [seeker], this.settings.scoring(excluded));
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      await lockPairWrites(manager);
      await manager.query(`DELETE FROM match_result WHERE run_id = $1 AND seeker_id = $2`, [runId, seekerId]);
      await manager.query(`DELETE FROM training_referral WHERE run_id = $1 AND seeker_id = $2`, [runId, seekerId]);
      const byShortage = new Map(shortages.map((shortage) => [shortage.id, shortage]));
      const admitted: ScoredPair[] = [];
      for (const pair of best(pairs.filter((p) => p.kind === 'eligible'), pairs.length)) {
        if (admitted.length >= this.settings.maxRecommendations) break;
        const capacity = this.settings.shortlistSize(byShortage.get(pair.shortageId)?.openHeadcount ?? 1);
        if (await admitToShortlist(manager, runId, pair, capacity)) admitted.push(pair);
      }
      await insertResults(manager, runId, admitted);
      await insertReferrals(manager, runId, best(pairs.filter((p) => p.kind === 'near_fit'), this.settings.maxRecommendations));
    });
  }
}

async function recommendationCounts(manager: EntityManager, runId: string, seekerIds: string[]): Promise<Map<string, number>> {
  const rows: { seeker_id: string; n: number }[] = await manager.query(
    `SELECT seeker_id, count(*)::int AS n FROM match_result WHERE run_id = $1 AND seeker_id = ANY($2) GROUP BY seeker_id`,
    [runId, seekerIds],
  );
  return new Map(rows.map((row) => [row.seeker_id, row.n]));
}

/** Room on the shortlist, or a better score than its weakest member (who then gives up the place). */
async function admitToShortlist(manager: EntityManager, runId: string, pair: ScoredPair, capacity: number): Promise<boolean> {
  const members: { seeker_id: string; score: number }[] = await manager.query(
    `SELECT seeker_id, score FROM match_result WHERE run_id = $1 AND shortage_id = $2 ORDER BY score ASC, seeker_id DESC FOR UPDATE`,
    [runId, pair.shortageId],
  );
  if (members.length < capacity) return true;
  const weakest = members[0];
  if (weakest.score >= pair.score) return false;
  await manager.query(`DELETE FROM match_result WHERE run_id = $1 AND shortage_id = $2 AND seeker_id = $3`, [runId, pair.shortageId, weakest.seeker_id]);
  return true;
}
