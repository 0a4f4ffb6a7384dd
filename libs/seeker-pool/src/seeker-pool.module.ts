import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { NotificationsModule } from '@app/notifications';
import { HireFigureReads } from './hire-figure-reads.service';
import { ApplicationNoticesService } from './application-notices.service';
import { Application } from './application.entity';
import { ApplicationsService } from './applications.service';
import { SeekerDirectory } from './seeker-directory.service';
import { SeekerProfilesService } from './seeker-profiles.service';
import { SeekerEventReads } from './seeker-event-reads.service';
import { SeekerMatchFacts } from './seeker-match-facts';
import { SeekerReads } from './seeker-reads.service';
import { Seeker } from './seeker.entity';

const SERVICES = [HireFigureReads, SeekerDirectory, SeekerProfilesService, SeekerReads, SeekerEventReads, SeekerMatchFacts, ApplicationsService, ApplicationNoticesService];

@Module({
  imports: [TypeOrmModule.forFeature([Seeker, Application]), EmployerDemandModule, NotificationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class SeekerPoolModule {}
