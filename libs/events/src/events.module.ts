import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { MatchingModule } from '@app/matching';
import { NotificationsModule } from '@app/notifications';
import { SeekerPoolModule } from '@app/seeker-pool';
import { ApplicationSmsService } from './application-sms.service';
import { EventAttendee } from './event-attendee.entity';
import { EventCheckinsService } from './event-checkins.service';
import { EventDemandService } from './event-demand.service';
import { EventEmployer } from './event-employer.entity';
import { EventInvitationsService } from './event-invitations.service';
import { EventNoticesService } from './event-notices.service';
import { EventOutcome } from './event-outcome.entity';
import { EventOutcomesService } from './event-outcomes.service';
import { EventPlanning } from './event-planning.entity';
import { EventPlanningService } from './event-planning.service';
import { EventReferral } from './event-referral.entity';
import { EventRegistrationsService } from './event-registrations.service';
import { EventFigureReads } from './event-figure-reads.service';
import { EventRemindersService } from './event-reminders.service';
import { EventReportsService } from './event-reports.service';
import { EventStationService } from './event-station.service';
import { EventTokens } from './event-tokens';
import { JobPageService } from './job-page.service';
import { EventsService } from './events.service';
import { RecruitmentEvent } from './recruitment-event.entity';
import { StationStaff } from './station-staff.entity';
import { Station } from './station.entity';
import { StationsService } from './stations.service';

const SERVICES = [
  StationsService, EventsService, EventTokens, EventRegistrationsService, EventInvitationsService, EventCheckinsService, EventOutcomesService,
  EventReportsService, EventPlanningService, EventRemindersService, EventNoticesService, EventDemandService, EventStationService, EventFigureReads,
  JobPageService, ApplicationSmsService,
];

/** Stations and recruitment events: planning, the staff workflow, invitations, registration, check-in, outcomes and reports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Station, StationStaff, RecruitmentEvent, EventEmployer, EventAttendee, EventOutcome, EventPlanning, EventReferral]),
    EmployerDemandModule,
    SeekerPoolModule,
    NotificationsModule,
    MatchingModule,
  ],
  providers: [...SERVICES],
  // The SMS port comes from NotificationsModule (one sender per process), exported on for the apps that import events.
  exports: [...SERVICES, NotificationsModule],
})
export class EventsModule {}
