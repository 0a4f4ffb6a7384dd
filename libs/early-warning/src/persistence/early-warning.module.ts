import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { EventsModule } from '@app/events';
import { NotificationsModule } from '@app/notifications';
import { SeekerPoolModule } from '@app/seeker-pool';
import { RapidResponseService } from './rapid-response.service';
import { WarningAlertsService } from './warning-alerts.service';
import { WarningSignalsService } from './warning-signals.service';
import { WarningWorkbookService } from './warning-workbook.service';
import { WARNING_ENTITIES } from './warning.entities';

const SERVICES = [WarningSignalsService, WarningAlertsService, RapidResponseService, WarningWorkbookService];

/** Early warning: signals, alerts that someone owns, rapid response (issue 21). */
@Module({
  imports: [TypeOrmModule.forFeature(WARNING_ENTITIES), EmployerDemandModule, SeekerPoolModule, EventsModule, NotificationsModule],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class EarlyWarningModule {}
