import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SHANGHAI_TIME_ZONE } from '@app/clock';

export interface SubsidyFigureRow {
  rule: string;
  quarter: 1 | 2 | 3 | 4;
  /** Instalments paid. */
  paid: number;
}

/** The subsidies' read port for the job-development plan's figures: instalments paid in a year, by rule and quarter. */
@Injectable()
export class SubsidyFigureReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async paidByRuleQuarter(year: number): Promise<SubsidyFigureRow[]> {
    const rows: { rule: string; quarter: number; paid: number }[] = await this.txHost.tx.query(
      `SELECT c.rule, extract(quarter FROM i.paid_at AT TIME ZONE '${SHANGHAI_TIME_ZONE}')::int AS quarter, count(*)::int AS paid
       FROM subsidy_payment_instalment i JOIN subsidy_claim c ON c.id = i.claim_id
       WHERE i.status = 'paid' AND i.paid_at >= $1 AND i.paid_at < $2
       GROUP BY 1, 2`,
      [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)],
    );
    return rows.map((r) => ({ rule: r.rule, quarter: r.quarter as SubsidyFigureRow['quarter'], paid: r.paid }));
  }
}
