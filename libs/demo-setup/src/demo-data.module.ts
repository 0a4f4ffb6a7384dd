import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoGate } from './demo-gate.service';
import { DemoDataLoader } from './demo-data.loader';
import { DemoRefreshService } from './demo-refresh.service';
import { DemoState } from './demo-state.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DemoState])],
  providers: [DemoDataLoader, DemoRefreshService, DemoGate],
  exports: [DemoDataLoader, DemoRefreshService, DemoGate],
})
export class DemoDataModule {}
