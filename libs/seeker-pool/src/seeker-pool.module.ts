import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDemandModule } from '@app/employer-demand';
import { Application } from './application.entity';
import { ApplicationsService } from './applications.service';
import { SeekerDirectory } from './seeker-directory.service';
import { SeekerProfilesService } from './seeker-profiles.service';
import { SeekerReads } from './seeker-reads.service';
import { Seeker } from './seeker.entity';

const SERVICES = [SeekerDirectory, SeekerProfilesService, SeekerReads, ApplicationsService];

@Module({
  imports: [TypeOrmModule.forFeature([Seeker, Application]), EmployerDemandModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class SeekerPoolModule {}
