import { Module } from '@nestjs/common';
import { DevelopmentPlanModule } from '@app/development-plan';
import { EarlyWarningModule } from '@app/early-warning';
import { EmployerDemandModule } from '@app/employer-demand';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';
import { QueueModule } from '@app/queue';
import { ReportingModule } from '@app/reporting';
import { SubsidyPaymentsModule } from '@app/subsidies';
import { AuditLogController } from './audit-log.controller';
import { DemandController } from './demand/demand.controller';
import { DemandOutcomesController } from './demand/outcomes.controller';
import { EarlyWarningController } from './early-warning/early-warning.controller';
import { EmployersController } from './employers/employers.controller';
import { EventsApiModule } from './events/events-api.module';
import { GeocodeController } from './geocode/geocode.controller';
import { ImportExportModule } from './import-export/import-export.module';
import { CandidatesController } from './matching/candidates.controller';
import { MatchRunsController } from './matching/match-runs.controller';
import { NotificationsController } from './matching/notifications.controller';
import { PairingsController } from './pairings/pairings.controller';
import { PlanController } from './plan/plan.controller';
import { WorkReliefController } from './plan/work-relief.controller';
import { ScreenController } from './screen/screen.controller';
import { ShortagesController } from './shortages/shortages.controller';
import { SubsidyClaimsController } from './subsidies/subsidy-claims.controller';
import { SubsidyPaymentsController } from './subsidy-payments/subsidy-payments.controller';
import { TaxonomyController } from './taxonomy/taxonomy.controller';

/** The employer-demand service: employers, officers and pairings, shortages, posting screen, published demand, candidates and match runs, inboxes, stations and recruitment events. */
@Module({
  // QueueModule: the queue dashboard at /admin/queues (apps/demand-api/src/main.ts) shows every queue.
  imports: [
    EmployerDemandModule, EarlyWarningModule, ImportExportModule, MatchingModule, NotificationsModule, EventsApiModule, ReportingModule, DevelopmentPlanModule,
    QueueModule, SubsidyPaymentsModule,
  ],
  controllers: [
    EmployersController, PairingsController, ShortagesController, ScreenController, DemandController, DemandOutcomesController, AuditLogController,
    CandidatesController, MatchRunsController, NotificationsController, TaxonomyController, GeocodeController, PlanController, EarlyWarningController,
    SubsidyClaimsController, SubsidyPaymentsController, WorkReliefController,
  ],
})
export class DemandApiModule {}
