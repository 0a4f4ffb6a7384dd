import { Injectable, Logger } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { OutboxService } from '@app/database';
import { RULE_SET_VERSION } from '@app/posting-screen';
import { Employer } from './employer.entity';
import { RuleSetAdoption } from './rule-set-adoption.entity';
import { liveShortageSql } from './shortage-lifecycle';
import { Shortage } from './shortage.entity';
import { ShortagesService } from './shortages.service';

/** Postings screened again per transaction. */
const BATCH = 200;

export interface RuleSetCheck {
  /** The version last adopted before this check (null: none recorded yet). */
  previous: string | null;
  current: string;
  /** True when the current version is new: the open postings were queued for a new screen. */
  rescreenRequested: boolean;
}

/**
 * When the posting-screen rule set changes, the published postings are screened again: at startup or from the CLI,
 * `adoptCurrentRuleSet` compares the running version with the last adopted one and, on a change, writes one
 * `postings.rescreen_requested` outbox row; its handler runs `rescreenStale`.
 */
@Injectable()
export class PostingRescreenService {
  private readonly logger = new Logger(PostingRescreenService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly shortages: ShortagesService,
  ) {}

  /** Records the running rule-set version; a version other than the last adopted one requests a re-screen. */
  async adoptCurrentRuleSet(current: string = RULE_SET_VERSION): Promise<RuleSetCheck> {
    return this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      const manager = this.txHost.tx;
      // Two processes starting together: one adopts, the other then sees the version already adopted.
      await manager.query(`LOCK TABLE screen_rule_set_adoption IN SHARE ROW EXCLUSIVE MODE`);
      const [last] = await manager.getRepository(RuleSetAdoption).find({ order: { adoptedAt: 'DESC' }, take: 1 });
      const previous = last?.version ?? null;
      if (previous === current) return { previous, current, rescreenRequested: false };
      await manager.query(
        `INSERT INTO screen_rule_set_adoption (version, adopted_at) VALUES ($1, now()) ON CONFLICT (version) DO UPDATE SET adopted_at = now()`,
        [current],
      );
      await this.outbox.record('postings.rescreen_requested', current);
      return { previous, current, rescreenRequested: true };
    });
  }

  /**
   * Screens again, in batches (one transaction each), every published posting whose stored verdict came from another
   * rule-set version; those that now fail go back to review. Idempotent: a screened posting carries the current
   * version and is not picked again. Returns how many were screened and how many went back to review.
   */
  async rescreenStale(current: string = RULE_SET_VERSION): Promise<{ screened: number; sentToReview: number }> {
    let screened = 0;
    let sentToReview = 0;
    for (;;) {
      const batch = await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
        const stale = await this.txHost.tx
          .getRepository(Shortage)
          .createQueryBuilder('s')
          .where(liveShortageSql('s'))
          .andWhere(`(s.screen_result ->> 'ruleSetVersion') IS DISTINCT FROM :current`, { current })
          .orderBy('s.id')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .getMany();
        if (!stale.length) return { size: 0, failed: 0 };
        const employerIds = [...new Set(stale.map((s) => s.employerId))];
        const employers = new Map((await this.txHost.tx.getRepository(Employer).find({ where: employerIds.map((id) => ({ id })) })).map((e) => [e.id, e]));
        const diversions = await this.diversionFindings(employerIds);
        let failed = 0;
        for (const shortage of stale) {
          const others = (diversions.get(shortage.employerId) ?? []).filter((id) => id !== shortage.id);
          if (await this.shortages.rescreen(shortage, employers.get(shortage.employerId)!, { priorDiversionFindings: others.length })) failed += 1;
        }
        return { size: stale.length, failed };
      });
      screened += batch.size;
      sentToReview += batch.failed;
      if (batch.size < BATCH) break;
    }
    if (screened) this.logger.log(`rule set ${current}: ${screened} published postings screened again, ${sentToReview} back to review`);
    return { screened, sentToReview };
  }

  /** Each employer's postings with an off-platform-diversion (F7) finding, for the whole batch in one query. */
  private async diversionFindings(employerIds: string[]): Promise<Map<string, string[]>> {
    const rows: { employer_id: string; ids: string[] }[] = await this.txHost.tx.query(
      `SELECT employer_id, array_agg(id::text) AS ids FROM shortage
        WHERE employer_id = ANY($1::uuid[]) AND screen_result -> 'findings' @> '[{"ruleCode":"F7"}]'::jsonb GROUP BY employer_id`,
      [employerIds],
    );
    return new Map(rows.map((row) => [row.employer_id, row.ids]));
  }
}
