import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { employerScope, employerScopeCondition, Principal, regionPrefix, User } from '@app/auth';
import { Employer } from './employer.entity';
import { ReviewDecision } from './review-decision.entity';
import { Shortage } from './shortage.entity';

export interface ReviewQueueFilter {
  offset: number;
  limit: number;
  /** Region code; a city covers its districts. */
  region?: string;
  /** A rule code (G1 … M2): postings with a finding of that rule. */
  rule?: string;
  /** Held for review at least this many days. */
  minDays?: number;
}

export interface ReviewQueueItem {
  shortage: Shortage;
  employerName: string;
  /** When the posting entered review (the screen that held it). */
  heldSince: Date;
}

/** A reviewer's decision with the reviewer's name, for the posting's detail. */
export interface ReviewDecisionView extends ReviewDecision {
  reviewerName: string;
}

/**
 * The postings the screen held for review (status `screening`) that the caller may decide: in their scope (an
 * officer's paired enterprises, an admin's region) and not logged by the caller. Oldest first.
 */
@Injectable()
export class ReviewQueue {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async list(principal: Principal, filter: ReviewQueueFilter): Promise<[ReviewQueueItem[], number]> {
    const scope = employerScopeCondition(employerScope(principal), 's.employer_id', 's.region_code');
    const qb = this.txHost.tx
      .getRepository(Shortage)
      .createQueryBuilder('s')
      .where(scope.sql, scope.params)
      .andWhere(`s.status = 'screening'`)
      .andWhere('s.created_by IS DISTINCT FROM :me', { me: principal.userId });
    if (filter.region) qb.andWhere('s.region_code LIKE :region', { region: `${regionPrefix(filter.region)}%` });
    if (filter.rule) qb.andWhere(`s.screen_result -> 'findings' @> CAST(:rule AS jsonb)`, { rule: JSON.stringify([{ ruleCode: filter.rule }]) });
    if (filter.minDays !== undefined) {
      qb.andWhere(`${HELD_SINCE} <= now() - make_interval(days => :minDays)`, { minDays: filter.minDays });
    }
    const [shortages, total] = await qb.orderBy(HELD_SINCE, 'ASC').addOrderBy('s.id', 'ASC').offset(filter.offset).limit(filter.limit).getManyAndCount();
    const employerIds = [...new Set(shortages.map((s) => s.employerId))];
    const employers = employerIds.length ? await this.txHost.tx.getRepository(Employer).find({ where: employerIds.map((id) => ({ id })), select: { id: true, name: true } }) : [];
    const names = new Map(employers.map((e) => [e.id, e.name]));
    const items = shortages.map((shortage) => ({
      shortage,
      employerName: names.get(shortage.employerId) ?? '',
      heldSince: new Date(shortage.screenResult?.screenedAt ?? shortage.updatedAt),
    }));
    return [items, total];
  }

  /** A posting's review decisions, oldest first. */
  async decisions(shortageId: string): Promise<ReviewDecisionView[]> {
    const rows = await this.txHost.tx.getRepository(ReviewDecision).find({ where: { shortageId }, order: { decidedAt: 'ASC', id: 'ASC' } });
    if (!rows.length) return [];
    const users = await this.txHost.tx.getRepository(User).find({ where: rows.map((r) => ({ id: r.reviewerId })), select: { id: true, displayName: true } });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((row) => Object.assign(row, { reviewerName: names.get(row.reviewerId) ?? '' }));
  }
}

/** When the posting entered review: the time of the screen that held it. */
const HELD_SINCE = `(s.screen_result ->> 'screenedAt')::timestamptz`;
