import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { regionPrefix } from '@app/auth';
import { shanghaiDayStartSql } from '@app/clock';
import { PRIORITY_GROUP_ZH } from '@app/events';
import { PRIORITY_GROUPS, SeekerReads } from '@app/seeker-pool';

export interface OutcomesQuery {
  /** Region code; a city covers its districts, the province everything. */
  region?: string;
  /** Days in Asia/Shanghai (YYYY-MM-DD): on or after `from`, before `to`. */
  from?: string;
  to?: string;
}

export interface TimeToFill {
  /** Shortages that reached `filled` in the period (first time). */
  filled: number;
  /** Days from publication to the first transition to `filled`, one decimal; null when nothing was filled. */
  medianDays: number | null;
  p90Days: number | null;
}

/**
 * Denominator: the positions of shortages published in the period that did not expire, i.e. those still recruiting
 * and those that ended by being filled or closed. A shortage that reached its deadline (`expired`) left the market
 * without a decision to count; it is left out entirely (its positions and any it filled before expiring) and
 * reported in `expired`. Its hires still count under hires.
 */
export interface FillRate {
  /** Shortages published in the period that did not expire, and their positions. */
  shortages: number;
  headcount: number;
  filledHeadcount: number;
  /** filledHeadcount / headcount, four decimals; null when nothing counts. */
  rate: number | null;
  /** Shortages published in the period that expired: not in the rate. */
  expired: number;
}

export interface PriorityGroupHires {
  /** A priority group code, or `none` for hires of seekers without one. */
  group: string;
  name: string;
  hires: number;
}

export interface HiresSummary {
  /** Applications that reached `hired` in the period. A hire counts once here and in every group of the seeker. */
  total: number;
  byPriorityGroup: PriorityGroupHires[];
}

export interface EventsSummary {
  /** Completed recruitment events held in the period, with their check-ins and hires recorded at the booths. */
  held: number;
  attended: number;
  hires: number;
}

export interface OutcomesReport {
  region: string | null;
  from: string | null;
  to: string | null;
  timeToFill: TimeToFill;
  fillRate: FillRate;
  hires: HiresSummary;
  events: EventsSummary;
}

const NO_GROUP = 'none';
const DAY_SECONDS = 86_400;
const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * Outcomes for a period and a region: time to fill, fill rate, hires by priority group and recruitment events held.
 * Counts only, no personal data. Priority groups count only for seekers who consented to their use (as in the
 * event report); everyone else counts as `none`.
 *
 * Which date puts a record in the period: a shortage's first fill (time to fill), its publication (fill rate), the
 * hire step of an application (hires), the event's day (events). Region: the shortage's place for the first three,
 * the station's for events.
 */
@Injectable()
export class OutcomesReportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly seekers: SeekerReads,
  ) {}

  async report(query: OutcomesQuery): Promise<OutcomesReport> {
    const [timeToFill, fillRate, hires, events] = await Promise.all([this.timeToFill(query), this.fillRate(query), this.hires(query), this.events(query)]);
    return { region: query.region ?? null, from: query.from ?? null, to: query.to ?? null, timeToFill, fillRate, hires, events };
  }

  private async timeToFill(query: OutcomesQuery): Promise<TimeToFill> {
    const filter = new Filter();
    const where = [
      's.published_at IS NOT NULL',
      ...filter.region('s.region_code', query.region),
      ...filter.period('f.filled_at', query, true),
    ];
    const [row]: { filled: number; median: number | null; p90: number | null }[] = await this.txHost.tx.query(
      `WITH f AS (
         SELECT shortage_id, min(at) AS filled_at FROM shortage_transition WHERE to_status = 'filled' GROUP BY shortage_id
       ), d AS (
         SELECT extract(epoch FROM f.filled_at - s.published_at) / ${DAY_SECONDS} AS days
         FROM f JOIN shortage s ON s.id = f.shortage_id
         WHERE ${where.join(' AND ')}
       )
       SELECT count(*)::int AS filled,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
       FROM d`,
      filter.params,
    );
    return { filled: row.filled, medianDays: round(row.median === null ? null : Number(row.median), 1), p90Days: round(row.p90 === null ? null : Number(row.p90), 1) };
  }

  private async fillRate(query: OutcomesQuery): Promise<FillRate> {
    const counted = `s.status <> 'expired'`;
    const filter = new Filter();
    const where = ['s.published_at IS NOT NULL', ...filter.region('s.region_code', query.region), ...filter.period('s.published_at', query, true)];
    const [row]: { shortages: number; headcount: number; filled: number; expired: number }[] = await this.txHost.tx.query(
      `SELECT count(*) FILTER (WHERE ${counted})::int AS shortages,
              coalesce(sum(s.headcount) FILTER (WHERE ${counted}), 0)::int AS headcount,
              coalesce(sum(s.filled_headcount) FILTER (WHERE ${counted}), 0)::int AS filled,
              count(*) FILTER (WHERE NOT (${counted}))::int AS expired
       FROM shortage s WHERE ${where.join(' AND ')}`,
      filter.params,
    );
    return {
      shortages: row.shortages, headcount: row.headcount, filledHeadcount: row.filled, rate: row.headcount ? round(row.filled / row.headcount, 4) : null, expired: row.expired,
    };
  }

  private async hires(query: OutcomesQuery): Promise<HiresSummary> {
    const filter = new Filter();
    const where = [...filter.region('s.region_code', query.region), ...filter.period('h.hired_at', query, true)];
    // The hire's time is the `hired` step of the application's history (hired is final: it happens once).
    const rows: { seeker_id: string }[] = await this.txHost.tx.query(
      `SELECT a.seeker_id
       FROM application a
       JOIN shortage s ON s.id = a.shortage_id
       CROSS JOIN LATERAL (
         SELECT min((step ->> 'at')::timestamptz) AS hired_at FROM jsonb_array_elements(a.history) step WHERE step ->> 'status' = 'hired'
       ) h
       WHERE a.status = 'hired' AND h.hired_at IS NOT NULL${where.length ? ` AND ${where.join(' AND ')}` : ''}`,
      filter.params,
    );
    const groupsOf = await this.seekers.countedPriorityGroupsOf(rows.map((row) => row.seeker_id));
    const counts = new Map<string, number>([...PRIORITY_GROUPS, NO_GROUP].map((group) => [group, 0]));
    for (const row of rows) {
      const counted = groupsOf.get(row.seeker_id);
      const groups = counted?.length ? counted : [NO_GROUP];
      for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return {
      total: rows.length,
      byPriorityGroup: [...counts].map(([group, hires]) => ({ group, name: PRIORITY_GROUP_ZH[group] ?? group, hires })),
    };
  }

  private async events(query: OutcomesQuery): Promise<EventsSummary> {
    const filter = new Filter();
    const where = [`e.status = 'completed'`, ...filter.region('st.region_code', query.region), ...filter.period('e.date', query, false)];
    const [row]: { held: number; attended: number; hires: number }[] = await this.txHost.tx.query(
      `SELECT count(*)::int AS held,
              coalesce(sum((SELECT count(*) FROM event_attendee a WHERE a.event_id = e.id AND a.status = 'attended')), 0)::int AS attended,
              coalesce(sum((SELECT count(*) FROM event_outcome o WHERE o.event_id = e.id AND o.stage = 'hire')), 0)::int AS hires
       FROM recruitment_event e JOIN station st ON st.id = e.station_id
       WHERE ${where.join(' AND ')}`,
      filter.params,
    );
    return row;
  }
}

/** Positional SQL parameters and the conditions of the shared filters. */
class Filter {
  readonly params: unknown[] = [];

  private param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  region(column: string, region: string | undefined): string[] {
    return region ? [`${column} LIKE ${this.param(`${regionPrefix(region)}%`)}`] : [];
  }

  /** `timestamp`: the column is a timestamptz compared with Asia/Shanghai day starts; otherwise a date column. */
  period(column: string, query: OutcomesQuery, timestamp: boolean): string[] {
    const bound = (day: string) => (timestamp ? shanghaiDayStartSql(this.param(day)) : `${this.param(day)}::date`);
    return [...(query.from ? [`${column} >= ${bound(query.from)}`] : []), ...(query.to ? [`${column} < ${bound(query.to)}`] : [])];
  }
}
