import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceSnapshot } from './evidence-snapshot.entity';
import { SubsidyPaymentBatch, SubsidyPaymentInstalment } from './payment.entity';
import { SubsidyClaimTransition } from './claim-transition.entity';
import { SubsidyClaim } from './subsidy-claim.entity';
import { SubsidyDecision } from './subsidy-decision.entity';
import { SubsidyFigureReads } from './subsidy-figure-reads.service';
import { SubsidyRecordsService } from './subsidy-records.service';
import { SubsidyClaimFacts, SubsidyExclusion, SubsidyInsuredMonth, SubsidySuspiciousCase } from '../fraud/fraud-records.entity';
import { SubsidyFundMovement, SubsidyPayee, SubsidyPaymentBatchRow } from '../payments/payment-records.entity';

export const SUBSIDY_ENTITIES = [SubsidyClaim, EvidenceSnapshot, SubsidyDecision, SubsidyPaymentBatch, SubsidyPaymentInstalment, SubsidyClaimTransition,
  SubsidyPayee, SubsidyPaymentBatchRow, SubsidyFundMovement, SubsidyClaimFacts, SubsidyInsuredMonth, SubsidyExclusion, SubsidySuspiciousCase];

/** Subsidy records: claims and their transitions, evidence snapshots, decisions, payments, fraud facts and suspicious cases. */
@Module({
  imports: [TypeOrmModule.forFeature(SUBSIDY_ENTITIES)],
  providers: [SubsidyRecordsService, SubsidyFigureReads],
  exports: [TypeOrmModule, SubsidyRecordsService, SubsidyFigureReads],
})
export class SubsidiesModule {}
