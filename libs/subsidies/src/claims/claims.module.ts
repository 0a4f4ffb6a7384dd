import { Module } from '@nestjs/common';
import { EmployerDemandModule } from '@app/employer-demand';
import { SeekerPoolModule } from '@app/seeker-pool';
import { FraudChecksService } from '../fraud/fraud-checks.service';
import { FraudEvidenceService } from '../fraud/fraud-evidence.service';
import { SubsidyPayees } from '../payments/payees.service';
import { SubsidiesModule } from '../persistence/subsidies.module';
import { ClaimEvidence } from './claim-evidence';
import { ClaimsService } from './claims.service';

/**
 * The claim workflow (issue 19): filing, candidate claims from hires, review, notice; a submitted claim's fraud facts
 * and payee, and the fraud checks and suspicious cases they feed. Used by the API and the matcher's outbox handlers;
 * the payment side (`SubsidyPaymentsModule`) builds on it.
 */
@Module({
  imports: [SubsidiesModule, EmployerDemandModule, SeekerPoolModule],
  providers: [ClaimsService, ClaimEvidence, FraudChecksService, FraudEvidenceService, SubsidyPayees],
  exports: [ClaimsService, ClaimEvidence, FraudChecksService, FraudEvidenceService, SubsidyPayees, SubsidiesModule],
})
export class ClaimsModule {}
