import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { FraudChecksService } from '../fraud/fraud-checks.service';
import { FraudEvidenceService } from '../fraud/fraud-evidence.service';
import { PaymentNoticesService } from './payment-notices.service';
import { SubsidyPaymentsService } from './subsidy-payments.service';

/** Payment batches, the fund ledger, fraud checks and suspicious cases (the tables are SubsidiesModule's). */
@Module({
  imports: [NotificationsModule],
  providers: [SubsidyPaymentsService, PaymentNoticesService, FraudChecksService, FraudEvidenceService],
  exports: [SubsidyPaymentsService, PaymentNoticesService, FraudChecksService, FraudEvidenceService],
})
export class SubsidyPaymentsModule {}
