import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { EventsModule } from '@app/events';
import { NotificationsModule } from '@app/notifications';
import { SeekerPoolModule } from '@app/seeker-pool';
import { SubsidiesModule } from '@app/subsidies';
import { DevelopmentPlan, JobImpactEstimate, PlanReminder, PlanReport, WorkReliefPayment, WorkReliefProject } from './persistence';
import { JobImpactService } from './job-impact.service';
import { PlanCompileService } from './plan-compile.service';
import { PlanFiguresService } from './plan-figures.service';
import { PlanRemindersService } from './plan-reminders.service';
import { PlanReportsService } from './plan-reports.service';
import { PlanTargetsService } from './plan-targets.service';
import { PlanReporters } from './reporters';
import { PlanWorkbookService } from './plan-workbook.service';
import { WorkReliefService } from './work-relief.service';

const SERVICES = [PlanReporters, PlanFiguresService, PlanTargetsService, PlanReportsService, PlanCompileService, PlanWorkbookService, PlanRemindersService, WorkReliefService, JobImpactService];

/** The job-development plan (岗位开发计划): targets, quarterly reports prefilled from the platform, reminders, the compile. */
@Module({
  imports: [TypeOrmModule.forFeature([DevelopmentPlan, PlanReport, PlanReminder, WorkReliefProject, WorkReliefPayment, JobImpactEstimate]), EmployerDemandModule, SeekerPoolModule, EventsModule, SubsidiesModule, NotificationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class DevelopmentPlanModule {}
