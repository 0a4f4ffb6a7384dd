import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceSnapshot } from './evidence-snapshot.entity';
import { SubsidyPaymentBatch, SubsidyPaymentInstalment } from './payment.entity';
import { SubsidyClaim } from './subsidy-claim.entity';
import { SubsidyDecision } from './subsidy-decision.entity';
import { SubsidyRecordsService } from './subsidy-records.service';
import { SubsidyPaymentsModule } from '../payments/subsidy-payments.module';
import { SubsidyClaimFacts, SubsidyExclusion, SubsidyInsuredMonth, SubsidySuspiciousCase } from '../fraud/fraud-records.entity';
import { SubsidyFundMovement, SubsidyPayee, SubsidyPaymentBatchRow } from '../payments/payment-records.entity';

export const SUBSIDY_ENTITIES = [SubsidyClaim, EvidenceSnapshot, SubsidyDecision, SubsidyPaymentBatch, SubsidyPaymentInstalment,
  SubsidyPayee, SubsidyPaymentBatchRow, SubsidyFundMovement, SubsidyClaimFacts, SubsidyInsuredMonth, SubsidyExclusion, SubsidySuspiciousCase];

/** Subsidy claims, evidence snapshots, decisions and payment instalments (the records; the workflow comes later). */
@Module({
  imports: [TypeOrmModule.forFeature(SUBSIDY_ENTITIES), SubsidyPaymentsModule],
  providers: [SubsidyRecordsService],
  exports: [TypeOrmModule, SubsidyRecordsService, SubsidyPaymentsModule],
})
export class SubsidiesModule {}
