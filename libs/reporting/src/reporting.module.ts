import { Module } from '@nestjs/common';
import { SeekerPoolModule } from '@app/seeker-pool';
import { DemandSummaryService } from './demand-summary.service';
import { OutcomesReportService } from './outcomes-report.service';

/** Aggregate figures across the domain modules for the administrators' dashboard. Owns no tables: reads only. */
@Module({
  imports: [SeekerPoolModule],
  providers: [DemandSummaryService, OutcomesReportService],
  exports: [DemandSummaryService, OutcomesReportService],
})
export class ReportingModule {}
