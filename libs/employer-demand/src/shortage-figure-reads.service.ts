import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SHANGHAI_TIME_ZONE } from '@app/clock';

export interface ShortageFigureRow {
  regionCode: string;
  direction: string | null;
  quarter: 1 | 2 | 3 | 4;
  filled: number;
}

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * Employer demand's read port for the job-development plan's figures: shortages that first reached `filled` in a
 * year, by region, direction and quarter (Asia/Shanghai). Runs in the caller's transaction.
 */
@Injectable()
export class ShortageFigureReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async filledByRegionDirectionQuarter(year: number): Promise<ShortageFigureRow[]> {
    const rows: { region_code: string; direction: string | null; quarter: number; filled: number }[] = await this.txHost.tx.query(
      `WITH f AS (SELECT shortage_id, min(at) AS filled_at FROM shortage_transition WHERE to_status = 'filled' GROUP BY shortage_id)
       SELECT s.region_code, s.policy_direction AS direction,
              extract(quarter FROM f.filled_at AT TIME ZONE '${SHANGHAI_TIME_ZONE}')::int AS quarter, count(*)::int AS filled
       FROM f JOIN shortage s ON s.id = f.shortage_id
       WHERE f.filled_at >= $1 AND f.filled_at < $2
       GROUP BY 1, 2, 3`,
      [yearStart(year), yearStart(year + 1)],
    );
    return rows.map((r) => ({ regionCode: r.region_code, direction: r.direction, quarter: r.quarter as ShortageFigureRow['quarter'], filled: r.filled }));
  }
}
