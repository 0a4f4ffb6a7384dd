import { Module } from '@nestjs/common';
import { SeekerPoolModule } from '@app/seeker-pool';
import { SeekersController } from './seekers.controller';

/** The job-seeker pool: profiles, search, applications. */
@Module({
  imports: [SeekerPoolModule],
  controllers: [SeekersController],
})
export class SeekerApiModule {}
