import { Module } from '@nestjs/common';
import { SeekerPoolModule } from '@app/seeker-pool';
import { ApplicationsController } from './applications/applications.controller';
import { SearchController } from './search/search.controller';
import { SeekersController } from './seekers/seekers.controller';

/** The job-seeker pool: profiles, search, applications. */
@Module({
  imports: [SeekerPoolModule],
  controllers: [SeekersController, ApplicationsController, SearchController],
})
export class SeekerApiModule {}
