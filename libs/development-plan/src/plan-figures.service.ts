import { Injectable } from '@nestjs/common';
import { ShortageFigureReads } from '@app/employer-demand';
import { EventFigureReads } from '@app/events';
import { HireFigureReads } from '@app/seeker-pool';
import { SubsidyFigureReads } from '@app/subsidies';
import { isPolicyDirectionCode } from '@app/taxonomy';
import { PlatformFact } from './core';
import { PlanReporters } from './reporters';

/** Subsidy payments are the provincial human-resources department's figure (claims carry no region yet). */
export const SUBSIDY_REPORTER = 'unit:hrss';

/**
 * What the platform itself recorded in a year, grouped for the plan's figures, read through the domains' read
 * ports: hires (and those of priority groups) by the filled shortage's region and direction, shortages filled,
 * completed events by the station's region and the directions they recruited for, and subsidy instalments paid.
 */
@Injectable()
export class PlanFiguresService {
  constructor(
    private readonly hires: HireFigureReads,
    private readonly shortages: ShortageFigureReads,
    private readonly events: EventFigureReads,
    private readonly subsidies: SubsidyFigureReads,
    private readonly reporters: PlanReporters,
  ) {}

  async facts(year: number): Promise<PlatformFact[]> {
    const [hires, filled, events, paid] = await Promise.all([
      this.hires.byRegionDirectionQuarter(year),
      this.shortages.filledByRegionDirectionQuarter(year),
      this.events.heldByRegionDirectionQuarter(year),
      this.subsidies.paidByRuleQuarter(year),
    ]);
    const facts: PlatformFact[] = [];
    const reporterOf = new Map<string, string | undefined>();
    const push = (regionCode: string, direction: string | null, metric: PlatformFact['metric'], quarter: PlatformFact['quarter'], count: number) => {
      if (!reporterOf.has(regionCode)) reporterOf.set(regionCode, this.reporters.reporterOfRegion(regionCode));
      const reporter = reporterOf.get(regionCode);
      if (!reporter || count === 0) return;
      facts.push({ reporter, metric, direction: isPolicyDirectionCode(direction) ? direction : null, quarter, count });
    };
    for (const row of hires) {
      push(row.regionCode, row.direction, 'hires', row.quarter, row.hires);
      push(row.regionCode, row.direction, 'hires_priority', row.quarter, row.priorityHires);
    }
    for (const row of filled) push(row.regionCode, row.direction, 'shortages_filled', row.quarter, row.filled);
    for (const row of events) push(row.regionCode, row.direction, 'events_held', row.quarter, row.held);
    for (const row of paid) facts.push({ reporter: SUBSIDY_REPORTER, metric: 'subsidies_paid', direction: null, quarter: row.quarter, count: row.paid });
    return facts;
  }
}
