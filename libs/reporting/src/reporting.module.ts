import { Module } from '@nestjs/common';
import { OutcomesReportService } from './outcomes-report.service';

/** Aggregate figures across the domain modules for the administrators' dashboard. Owns no tables: reads only. */
@Module({
  providers: [OutcomesReportService],
  exports: [OutcomesReportService],
})
export class ReportingModule {}
