import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerDirectory } from './employer-directory.service';
import { Employer } from './employer.entity';
import { Pairing } from './pairing.entity';
import { Shortage } from './shortage.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Employer, Pairing, Shortage])],
  providers: [EmployerDirectory],
  exports: [EmployerDirectory],
})
export class EmployerDemandModule {}
