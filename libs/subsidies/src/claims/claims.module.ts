import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { SeekerPoolModule } from '@app/seeker-pool';
import { SubsidiesModule } from '../persistence/subsidies.module';
import { ClaimEvidence } from './claim-evidence';
import { ClaimsService } from './claims.service';

/** The claim workflow (issue 19): filing, candidate claims from hires, review, notice; used by the API and the matcher's outbox handler. */
@Module({
  imports: [SubsidiesModule, EmployerDemandModule, SeekerPoolModule],
  providers: [ClaimsService, ClaimEvidence],
  exports: [ClaimsService, ClaimEvidence],
})
export class ClaimsModule {}
