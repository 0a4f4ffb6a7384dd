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
}
