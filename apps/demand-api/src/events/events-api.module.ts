import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { SeekerPoolModule } from '@app/seeker-pool';
import { JobPageController } from '../jobs/job-page.controller';
import { EventCheckinsController } from './event-checkins.controller';
import { EventInvitationsController } from './event-invitations.controller';
import { EventOutcomesController } from './event-outcomes.controller';
import { EventRegistrationsController } from './event-registrations.controller';
import { EventReportsController } from './event-reports.controller';
import { EventsController } from './events.controller';
import { StationsController } from './stations.controller';

/** Stations and recruitment events over HTTP: /api/stations, /api/events and its sub-resources. */
@Module({
  imports: [EventsModule, SeekerPoolModule],
  controllers: [
    StationsController, EventsController, EventInvitationsController, EventRegistrationsController, EventCheckinsController, EventOutcomesController,
    EventReportsController, JobPageController,
  ],
})
export class EventsApiModule {}
