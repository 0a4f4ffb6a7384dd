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

/** One filled shortage a figure counts, as the drill-down shows it. */
export interface FilledShortageRecord {
  shortageId: string;
  title: string;
  employerName: string;
  regionCode: string;
  direction: string | null;
  headcount: number;
  filledAt: Date;
}

/** When each shortage first reached `filled`. */
const FILLED = `SELECT shortage_id, min(at) AS filled_at FROM shortage_transition WHERE to_status = 'filled' GROUP BY shortage_id`;

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
      `WITH f AS (${FILLED})
       SELECT s.region_code, s.policy_direction AS direction,
              extract(quarter FROM f.filled_at AT TIME ZONE '${SHANGHAI_TIME_ZONE}')::int AS quarter, count(*)::int AS filled
       FROM f JOIN shortage s ON s.id = f.shortage_id
       WHERE f.filled_at >= $1 AND f.filled_at < $2
       GROUP BY 1, 2, 3`,
      [yearStart(year), yearStart(year + 1)],
    );
    return rows.map((r) => ({ regionCode: r.region_code, direction: r.direction, quarter: r.quarter as ShortageFigureRow['quarter'], filled: r.filled }));
  }

  /** The shortages first filled from `from` (inclusive) to `to` (exclusive) in the regions under the prefixes (less `excludeRegions`), in one direction, newest first. */
  async filledRecords(query: { from: Date; to: Date; regionPrefixes: string[]; excludeRegions?: string[]; direction: string; limit: number }): Promise<[FilledShortageRecord[], number]> {
    const rows: Record<string, unknown>[] = await this.txHost.tx.query(
      `WITH f AS (${FILLED})
       SELECT s.id, s.title, s.region_code, s.policy_direction, s.headcount, e.name AS employer_name, f.filled_at, count(*) OVER ()::int AS total
       FROM f JOIN shortage s ON s.id = f.shortage_id JOIN employer e ON e.id = s.employer_id
       WHERE f.filled_at >= $1 AND f.filled_at < $2 AND s.policy_direction = $3
         AND s.region_code LIKE ANY($4::text[]) AND NOT (s.region_code LIKE ANY($5::text[]))
       ORDER BY f.filled_at DESC, s.id
       LIMIT $6`,
      [query.from, query.to, query.direction, query.regionPrefixes.map((p) => `${p}%`), (query.excludeRegions ?? []).map((p) => `${p}%`), query.limit],
    );
    return [
      rows.map((r) => ({
        shortageId: r.id as string, title: r.title as string, employerName: r.employer_name as string, regionCode: r.region_code as string,
        direction: r.policy_direction as string | null, headcount: r.headcount as number, filledAt: new Date(r.filled_at as string),
      })),
      rows.length ? (rows[0].total as number) : 0,
    ];
  }
}
