import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceSnapshot } from './evidence-snapshot.entity';
import { SubsidyPaymentBatch, SubsidyPaymentInstalment } from './payment.entity';
import { SubsidyClaimTransition } from './claim-transition.entity';
import { SubsidyClaim } from './subsidy-claim.entity';
import { SubsidyDecision } from './subsidy-decision.entity';
import { SubsidyFigureReads } from './subsidy-figure-reads.service';
import { SubsidyRecordsService } from './subsidy-records.service';

export const SUBSIDY_ENTITIES = [SubsidyClaim, EvidenceSnapshot, SubsidyDecision, SubsidyPaymentBatch, SubsidyPaymentInstalment, SubsidyClaimTransition];

/** Subsidy claims, evidence snapshots, decisions and payment instalments (the records; the workflow comes later). */
@Module({
  imports: [TypeOrmModule.forFeature(SUBSIDY_ENTITIES)],
  providers: [SubsidyRecordsService, SubsidyFigureReads],
  exports: [TypeOrmModule, SubsidyRecordsService, SubsidyFigureReads],
})
export class SubsidiesModule {}
