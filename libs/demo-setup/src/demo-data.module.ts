import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '@app/subsidies';
import { DemoClaims } from './demo-claims.service';
import { DemoGate } from './demo-gate.service';
import { DemoDataLoader } from './demo-data.loader';
import { DemoRefreshService } from './demo-refresh.service';
import { DemoState } from './demo-state.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DemoState]), ClaimsModule],
  providers: [DemoDataLoader, DemoRefreshService, DemoGate, DemoClaims],
  exports: [DemoDataLoader, DemoRefreshService, DemoGate, DemoClaims],
})
export class DemoDataModule {}
