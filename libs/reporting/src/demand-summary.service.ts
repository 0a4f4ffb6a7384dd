import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { regionPrefix } from '@app/auth';
import { liveShortageSql } from '@app/employer-demand';
import { SeekerReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';

export const DEMAND_DIMENSIONS = ['occupation', 'industry', 'region', 'skill', 'certificate', 'training', 'direction'] as const;
export type DemandDimension = (typeof DEMAND_DIMENSIONS)[number];

export interface DemandQuery {
  by: DemandDimension;
  /** For `occupation`: level 1–4 of the 2022 hierarchy (default 2). For `industry`: 2 division, 3 group, 4 class (default 2). */
  level?: number;
  region?: string;
  occupation?: string;
  direction?: string;
  /** Published on or after / before (ISO dates). */
  from?: string;
  to?: string;
}

export interface DemandGroup {
  key: string;
  name: string;
  openPositions: number;
  shortages: number;
  employers: number;
  medianMonthlyWage: number | null;
  /** 求人倍率: open positions per registered seeker who wants this occupation family / lives in this region. */
  demandSupplyRatio?: number | null;
  seekers?: number;
}

/**
 * The headline figures of the same query, counted directly (not summed over groups: a shortage asks for several
 * skills). Seekers are every registered seeker of the region asked for (the province when none), whether or not
 * their region has open demand; the period, occupation and direction filters apply to demand only.
 */
export interface DemandTotals {
  openPositions: number;
  shortages: number;
  employers: number;
  medianMonthlyWage: number | null;
  seekers: number;
  /** 求人倍率 of the whole: openPositions / seekers, two decimals; null without seekers. */
  demandSupplyRatio: number | null;
}

export interface DemandSummary {
  groups: DemandGroup[];
  totals: DemandTotals;
}

/** Cities whose districts roll up into the city for published figures (海口, 三亚, 三沙). */
const CITIES_WITH_DISTRICTS = ['4601', '4602', '4603'];
const regionRollupSql = (column: string) =>
  `CASE WHEN substr(${column}, 1, 4) IN (${CITIES_WITH_DISTRICTS.map((city) => `'${city}'`).join(', ')}) THEN substr(${column}, 1, 4) || '00' ELSE ${column} END`;
const regionRollup = (code: string) => (CITIES_WITH_DISTRICTS.includes(code.slice(0, 4)) ? `${code.slice(0, 4)}00` : code);
const OCCUPATION_PREFIX_LENGTH = [1, 4, 7, 10];
const ratio = (open: number, seekers: number) => (seekers ? Math.round((open / seekers) * 100) / 100 : null);

interface DemandRow {
  key: string;
  open: number;
  shortages: number;
  employers: number;
  median: number | null;
}

/**
 * Published open demand, aggregated: positions still open, shortages, employers and the median offered wage
 * per group, and 求人倍率 for occupation and region groups. Holds no personal data; anyone may read it.
 */
@Injectable()
export class DemandSummaryService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly taxonomy: Taxonomy,
    private readonly seekers: SeekerReads,
  ) {}

  /**
   * Groups of open demand; by region, every city or county with registered seekers is a group too (0 open
   * positions), so that 求人倍率 and the map cover the whole province.
   */
  async summarize(query: DemandQuery): Promise<DemandSummary> {
    const seekersByRegion = await this.seekersByRegion(query.region);
    const rows = await this.demand(query, this.grouping(query));
    const [whole] = await this.demand(query, { keyExpression: `'all'`, fromClause: 'shortage s' });
    const seekers = [...seekersByRegion.values()].reduce((sum, n) => sum + n, 0);
    const openPositions = whole?.open ?? 0;
    const totals: DemandTotals = {
      openPositions,
      shortages: whole?.shortages ?? 0,
      employers: whole?.employers ?? 0,
      medianMonthlyWage: whole?.median == null ? null : Math.round(whole.median),
      seekers,
      demandSupplyRatio: ratio(openPositions, seekers),
    };
    if (query.by === 'region') {
      const present = new Set(rows.map((row) => row.key));
      for (const key of [...seekersByRegion.keys()].sort()) {
        if (!present.has(key)) rows.push({ key, open: 0, shortages: 0, employers: 0, median: null });
      }
    }
    const supply = query.by === 'region' ? seekersByRegion : query.by === 'occupation' ? await this.seekers.countsByDesiredOccupation(OCCUPATION_PREFIX_LENGTH[(query.level ?? 2) - 1]) : null;
    const groups = rows.map((row) => {
      const group: DemandGroup = {
        key: row.key,
        name: this.nameOf(query, row.key),
        openPositions: row.open,
        shortages: row.shortages,
        employers: row.employers,
        medianMonthlyWage: row.median === null ? null : Math.round(row.median),
      };
      if (supply) {
        group.seekers = supply.get(row.key) ?? 0;
        group.demandSupplyRatio = ratio(row.open, group.seekers);
      }
      return group;
    });
    return { groups, totals };
  }

  private async demand(query: DemandQuery, { keyExpression, fromClause }: { keyExpression: string; fromClause: string }): Promise<DemandRow[]> {
    const params: unknown[] = [];
    const where = [liveShortageSql('s')];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.region) where.push(`s.region_code LIKE ${param(`${regionPrefix(query.region)}%`)}`);
    if (query.occupation) where.push(`(s.occupation_code = ${param(query.occupation)} OR s.occupation_code LIKE ${param(`${query.occupation}-%`)})`);
    if (query.direction) where.push(`s.policy_direction = ${param(query.direction)}`);
    if (query.from) where.push(`s.published_at >= ${param(query.from)}`);
    if (query.to) where.push(`s.published_at < ${param(query.to)}`);

    return this.txHost.tx.query(
      `SELECT ${keyExpression} AS key,
              sum(s.headcount - s.filled_headcount)::int AS open,
              count(DISTINCT s.id)::int AS shortages,
              count(DISTINCT s.employer_id)::int AS employers,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (s.wage_min + s.wage_max) / 2.0) AS median
       FROM ${fromClause}
       WHERE ${where.join(' AND ')}
       GROUP BY 1
       ORDER BY open DESC, key`,
      params,
    );
  }

  private grouping(query: DemandQuery): { keyExpression: string; fromClause: string } {
    switch (query.by) {
      case 'occupation':
        return { keyExpression: `substr(s.occupation_code, 1, ${OCCUPATION_PREFIX_LENGTH[(query.level ?? 2) - 1]})`, fromClause: 'shortage s' };
      case 'industry':
        // GB/T 4754 codes: division 2 digits, group 3, class 4.
        return { keyExpression: `substr(s.industry_code, 1, ${query.level ?? 2})`, fromClause: 'shortage s' };
      case 'region':
        return { keyExpression: regionRollupSql('s.region_code'), fromClause: 'shortage s' };
      case 'skill':
        return { keyExpression: `skill.value ->> 'name'`, fromClause: `shortage s CROSS JOIN LATERAL jsonb_array_elements(s.required_skills) skill` };
      case 'certificate':
        return { keyExpression: 'certificate', fromClause: 'shortage s CROSS JOIN LATERAL unnest(s.required_certificates) certificate' };
      case 'training':
        return { keyExpression: `CASE WHEN s.training_offered IS NULL THEN 'none' ELSE 'offered' END`, fromClause: 'shortage s' };
      case 'direction':
        return { keyExpression: `coalesce(s.policy_direction, 'unspecified')`, fromClause: 'shortage s' };
    }
  }

  /** Registered seekers of the region asked for (all when none), by city or county as published. */
  private async seekersByRegion(region: string | undefined): Promise<Map<string, number>> {
    const prefix = region ? regionPrefix(region) : '';
    const byRegion = new Map<string, number>();
    for (const [code, n] of await this.seekers.countsByRegion()) {
      if (code.startsWith(prefix)) byRegion.set(regionRollup(code), (byRegion.get(regionRollup(code)) ?? 0) + n);
    }
    return byRegion;
  }

  private nameOf(query: DemandQuery, key: string): string {
    switch (query.by) {
      case 'occupation':
        return this.taxonomy.occupation(key)?.name ?? key;
      case 'industry':
        return this.taxonomy.industry(key)?.name ?? key;
      case 'region':
        return this.taxonomy.region(key)?.name ?? key;
      case 'certificate':
        return this.taxonomy.certificate(key)?.name ?? key;
      case 'training':
        return key === 'offered' ? '提供培训' : '不提供培训';
      default:
        return key;
    }
  }
}
