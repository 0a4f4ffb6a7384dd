import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StationStaff } from './station-staff.entity';
import { Station } from './station.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Station, StationStaff])],
})
export class EventsModule {}
