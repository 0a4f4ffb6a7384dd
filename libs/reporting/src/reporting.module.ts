import { Module } from '@nestjs/common';
import { SeekerPoolModule } from '@app/seeker-pool';
import { OutcomesReportService } from './outcomes-report.service';

/** Aggregate figures across the domain modules for the administrators' dashboard. Owns no tables: reads only. */
@Module({
  imports: [SeekerPoolModule],
  providers: [OutcomesReportService],
  exports: [OutcomesReportService],
})
export class ReportingModule {}
