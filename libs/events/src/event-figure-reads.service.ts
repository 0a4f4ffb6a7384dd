import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

export interface EventFigureRow {
  regionCode: string;
  /** A direction of the shortages the event recruited for; an event with several counts once in each. */
  direction: string | null;
  quarter: 1 | 2 | 3 | 4;
  held: number;
}

/** One completed event a figure counts, as the drill-down shows it. */
export interface HeldEventRecord {
  eventId: string;
  title: string;
  type: string;
  date: string;
  stationName: string;
  regionCode: string;
}

/**
 * The events domain's read port for the job-development plan's figures: completed recruitment events of a year by
 * the station's region, the directions of the shortages they recruited for, and the quarter of the event's day.
 */
@Injectable()
export class EventFigureReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async heldByRegionDirectionQuarter(year: number): Promise<EventFigureRow[]> {
    const rows: { region_code: string; direction: string | null; quarter: number; held: number }[] = await this.txHost.tx.query(
      `WITH d AS (
         SELECT DISTINCT e.id, st.region_code, extract(quarter FROM e.date)::int AS quarter, s.policy_direction AS direction
         FROM recruitment_event e
         JOIN station st ON st.id = e.station_id
         LEFT JOIN event_employer ee ON ee.event_id = e.id
         LEFT JOIN shortage s ON s.id = ANY(ee.shortage_ids)
         WHERE e.status = 'completed' AND e.date >= make_date($1, 1, 1) AND e.date < make_date($1 + 1, 1, 1)
       )
       SELECT region_code, direction, quarter, count(*)::int AS held FROM d GROUP BY 1, 2, 3`,
      [year],
    );
    return rows.map((r) => ({ regionCode: r.region_code, direction: r.direction, quarter: r.quarter as EventFigureRow['quarter'], held: r.held }));
  }

  /**
   * The completed events from `from` to `to` (days, `to` exclusive) at stations in the regions under the prefixes (less
   * `excludeRegions`) that recruited for a shortage of the direction, latest first (what `heldByRegionDirectionQuarter` counts).
   */
  async heldRecords(query: { from: string; to: string; regionPrefixes: string[]; excludeRegions?: string[]; direction: string; limit: number }): Promise<[HeldEventRecord[], number]> {
    const rows: Record<string, unknown>[] = await this.txHost.tx.query(
      `SELECT e.id, e.title, e.type, to_char(e.date, 'YYYY-MM-DD') AS date, st.name AS station_name, st.region_code, count(*) OVER ()::int AS total
       FROM recruitment_event e JOIN station st ON st.id = e.station_id
       WHERE e.status = 'completed' AND e.date >= $1::date AND e.date < $2::date
         AND st.region_code LIKE ANY($4::text[]) AND NOT (st.region_code LIKE ANY($5::text[]))
         AND EXISTS (SELECT 1 FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) WHERE ee.event_id = e.id AND s.policy_direction = $3)
       ORDER BY e.date DESC, e.id
       LIMIT $6`,
      [query.from, query.to, query.direction, query.regionPrefixes.map((p) => `${p}%`), (query.excludeRegions ?? []).map((p) => `${p}%`), query.limit],
    );
    return [
      rows.map((r) => ({
        eventId: r.id as string, title: r.title as string, type: r.type as string, date: r.date as string, stationName: r.station_name as string, regionCode: r.region_code as string,
      })),
      rows.length ? (rows[0].total as number) : 0,
    ];
  }
}
