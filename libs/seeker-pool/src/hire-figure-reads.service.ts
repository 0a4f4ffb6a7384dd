import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SHANGHAI_TIME_ZONE } from '@app/clock';
import { maskName } from '@app/identifiers';
import { countsAsPrioritySql } from './priority-consent';

/** Hires of a year grouped by the shortage's region and direction and the quarter of the hire (Asia/Shanghai). */
export interface HireFigureRow {
  regionCode: string;
  direction: string | null;
  quarter: 1 | 2 | 3 | 4;
  hires: number;
  /** Of which seekers who count as a priority group (with their consent). */
  priorityHires: number;
}

/** One hire a figure counts, as the drill-down shows it (the seeker's name masked). */
export interface HireRecord {
  applicationId: string;
  hiredAt: Date;
  shortageId: string;
  shortageTitle: string;
  employerName: string;
  regionCode: string;
  direction: string | null;
  seekerName: string;
  priority: boolean;
}

/** The hire's time is the `hired` step of the application's history (hired is final: it happens once). */
const HIRES = `
  SELECT a.id, a.seeker_id, s.id AS shortage_id, s.title, s.employer_id, s.region_code, s.policy_direction, h.hired_at
  FROM application a
  JOIN shortage s ON s.id = a.shortage_id
  CROSS JOIN LATERAL (
    SELECT min((step ->> 'at')::timestamptz) AS hired_at FROM jsonb_array_elements(a.history) step WHERE step ->> 'status' = 'hired'
  ) h
  WHERE a.status = 'hired' AND h.hired_at >= $1 AND h.hired_at < $2`;

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * The seeker pool's read port for the job-development plan's figures: hires counted by region, direction of the
 * shortage filled, priority group and quarter, and the hires behind one figure. Runs in the caller's transaction.
 */
@Injectable()
export class HireFigureReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async byRegionDirectionQuarter(year: number): Promise<HireFigureRow[]> {
    const rows: { region_code: string; direction: string | null; quarter: number; hires: number; priority: number }[] = await this.txHost.tx.query(
      `WITH h AS (${HIRES})
       SELECT h.region_code, h.policy_direction AS direction,
              extract(quarter FROM h.hired_at AT TIME ZONE '${SHANGHAI_TIME_ZONE}')::int AS quarter,
              count(*)::int AS hires, count(*) FILTER (WHERE ${countsAsPrioritySql('p')})::int AS priority
       FROM h JOIN seeker p ON p.id = h.seeker_id
       GROUP BY 1, 2, 3`,
      [yearStart(year), yearStart(year + 1)],
    );
    return rows.map((r) => ({ regionCode: r.region_code, direction: r.direction, quarter: r.quarter as HireFigureRow['quarter'], hires: r.hires, priorityHires: r.priority }));
  }

  /** The hires from `from` (inclusive) to `to` (exclusive) in the regions under the given code prefixes (less those under `excludeRegions`), in one direction, newest first. */
  async records(query: { from: Date; to: Date; regionPrefixes: string[]; excludeRegions?: string[]; direction: string; priorityOnly: boolean; limit: number }): Promise<[HireRecord[], number]> {
    const rows: Record<string, unknown>[] = await this.txHost.tx.query(
      `WITH h AS (${HIRES} AND s.policy_direction = $3
                 AND s.region_code LIKE ANY($4::text[]) AND NOT (s.region_code LIKE ANY($5::text[])))
       SELECT h.id, h.hired_at, h.shortage_id, h.title, h.region_code, h.policy_direction, e.name AS employer_name, p.name AS seeker_name,
              ${countsAsPrioritySql('p')} AS priority, count(*) OVER ()::int AS total
       FROM h JOIN seeker p ON p.id = h.seeker_id JOIN employer e ON e.id = h.employer_id
       WHERE ($6::boolean IS FALSE OR ${countsAsPrioritySql('p')})
       ORDER BY h.hired_at DESC, h.id
       LIMIT $7`,
      [query.from, query.to, query.direction, query.regionPrefixes.map((p) => `${p}%`), (query.excludeRegions ?? []).map((p) => `${p}%`), query.priorityOnly, query.limit],
    );
    const total = rows.length ? (rows[0].total as number) : 0;
    return [
      rows.map((r) => ({
        applicationId: r.id as string, hiredAt: new Date(r.hired_at as string), shortageId: r.shortage_id as string, shortageTitle: r.title as string,
        employerName: r.employer_name as string, regionCode: r.region_code as string, direction: r.policy_direction as string | null,
        seekerName: maskName(r.seeker_name as string), priority: Boolean(r.priority),
      })),
      total,
    ];
  }
}
