import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { regionPrefix } from '@app/auth';
import { addMonthsToMonth, Clock, shanghaiDate, shanghaiInstant } from '@app/clock';
import { MarketFigureInput, WarningSignalsService } from '@app/early-warning';
import { SeekerReads } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { DemandSummaryService } from './demand-summary.service';

/**
 * The platform's own labour-market signal for the early warning (issue 21, signal d): for every district, city and
 * county, 求人倍率 as the demand summary counts it (open positions over registered seekers of the region) and the
 * seekers newly registered this month, recorded as the month's figure. Run daily: the month's last run stands.
 */
@Injectable()
export class WarningMarketService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly demand: DemandSummaryService,
    private readonly seekers: SeekerReads,
    private readonly signals: WarningSignalsService,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  async snapshot(now: Date = this.clock.now()): Promise<MarketFigureInput[]> {
    return this.txHost.withTransaction(async () => {
      const month = shanghaiDate(now).slice(0, 7);
      const registered = await this.seekers.registrationsByRegion(shanghaiInstant(`${month}-01`, '00:00'), shanghaiInstant(`${addMonthsToMonth(month, 1)}-01`, '00:00'));
      const figures: MarketFigureInput[] = [];
      // The regions signals carry: a city's districts where it has them (海口, 三亚, 三沙), else the city or county itself.
      const regions = this.taxonomy.counties().flatMap((r) => {
        const districts = this.taxonomy.regionChildren(r.code).filter((c) => c.kind === 'district');
        return districts.length ? districts : [r];
      });
      for (const region of regions) {
        const { totals } = await this.demand.summarize({ by: 'region', region: region.code });
        const newRegistrations = [...registered].filter(([code]) => code.startsWith(regionPrefix(region.code))).reduce((n, [, k]) => n + k, 0);
        figures.push({ regionCode: region.code, vacancies: totals.openPositions, seekers: totals.seekers, newRegistrations });
      }
      await this.signals.recordMarketFigures(month, figures);
      return figures;
    });
  }
}
