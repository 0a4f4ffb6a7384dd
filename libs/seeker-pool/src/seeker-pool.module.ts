import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeekerDirectory } from './seeker-directory.service';
import { Seeker } from './seeker.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Seeker])],
  providers: [SeekerDirectory],
  exports: [SeekerDirectory],
})
export class SeekerPoolModule {}
