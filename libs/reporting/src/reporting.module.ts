import { Module } from '@nestjs/common';
import { EarlyWarningModule } from '@app/early-warning';
import { SeekerPoolModule } from '@app/seeker-pool';
import { DemandSummaryService } from './demand-summary.service';
import { OutcomesReportService } from './outcomes-report.service';
import { WarningMarketService } from './warning-market.service';

/** Aggregate figures across the domain modules for the administrators' dashboard, and the early warning's market figures from them. Owns no tables. */
@Module({
  imports: [SeekerPoolModule, EarlyWarningModule],
  providers: [DemandSummaryService, OutcomesReportService, WarningMarketService],
  exports: [DemandSummaryService, OutcomesReportService, WarningMarketService],
})
export class ReportingModule {}
