import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { MatchingModule } from '@app/matching';
import { SeekerPoolModule } from '@app/seeker-pool';
import { ApplicationsController } from './applications/applications.controller';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { SearchController } from './search/search.controller';
import { SeekersController } from './seekers/seekers.controller';

/** The job-seeker pool: profiles, search, applications, recommendations and training referrals. */
@Module({
  imports: [SeekerPoolModule, MatchingModule, EventsModule],
  controllers: [SeekersController, ApplicationsController, SearchController, RecommendationsController],
})
export class SeekerApiModule {}
