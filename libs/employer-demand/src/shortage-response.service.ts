import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { employerScope, employerScopeCondition, Principal } from '@app/auth';
import { AppConfig } from '@app/config';
import { liveShortageSql } from './shortage-lifecycle';
import { Shortage } from './shortage.entity';
import { overdueCutoff } from './working-days';

export interface OfficerWorkload {
  officerId: string;
  pairedEmployers: number;
  openShortages: number;
  awaitingFirstResponse: number;
  overdue: number;
  /** Median hours from logging to first response, over shortages that have had one. */
  medianResponseHours: number | null;
  respondedShortages: number;
}

/** 缺工响应: how fast shortages get their first response, per officer, and which are overdue. */
@Injectable()
export class ShortageResponseService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: AppConfig,
  ) {}

  /** Shortages in the caller's scope still waiting for a first response after the configured working days. */
  overdue(principal: Principal, page: { offset: number; limit: number }, now = new Date()): Promise<[Shortage[], number]> {
    const scope = employerScopeCondition(employerScope(principal), 's.employer_id', 's.region_code');
    return this.txHost.tx
      .getRepository(Shortage)
      .createQueryBuilder('s')
      .where(scope.sql, scope.params)
      .andWhere('s.first_response_at IS NULL')
      .andWhere(`s.status IN ('draft', 'screening')`)
      .andWhere('s.created_at < :cutoff', { cutoff: overdueCutoff(now, this.config.RESPONSE_OVERDUE_WORKING_DAYS) })
      .orderBy('s.created_at', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
  }

  async workload(officerId: string, now = new Date()): Promise<OfficerWorkload> {
    const [row] = await this.txHost.tx.query(
      `WITH paired AS (SELECT employer_id FROM pairing WHERE officer_id = $1 AND ended_at IS NULL),
            mine AS (SELECT s.* FROM shortage s JOIN paired p ON p.employer_id = s.employer_id)
       SELECT (SELECT count(*) FROM paired)::int AS paired_employers,
              count(*) FILTER (WHERE ${liveShortageSql()})::int AS open_shortages,
              count(*) FILTER (WHERE first_response_at IS NULL AND status IN ('draft', 'screening'))::int AS awaiting,
              count(*) FILTER (WHERE first_response_at IS NULL AND status IN ('draft', 'screening') AND created_at < $2)::int AS overdue,
              count(first_response_at)::int AS responded,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at) / 3600)
                FILTER (WHERE first_response_at IS NOT NULL) AS median_hours
       FROM mine`,
      [officerId, overdueCutoff(now, this.config.RESPONSE_OVERDUE_WORKING_DAYS)],
    );
    return {
      officerId,
      pairedEmployers: row.paired_employers,
      openShortages: row.open_shortages,
      awaitingFirstResponse: row.awaiting,
      overdue: row.overdue,
      respondedShortages: row.responded,
      medianResponseHours: row.median_hours === null ? null : Math.round(row.median_hours * 10) / 10,
    };
  }
}
