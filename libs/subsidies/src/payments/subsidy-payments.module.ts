import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { ClaimsModule } from '../claims/claims.module';
import { PaymentNoticesService } from './payment-notices.service';
import { SubsidyPaymentsService } from './subsidy-payments.service';

/** Payment batches and the fund ledger, settling claims through the claim workflow (re-exported with it). */
@Module({
  imports: [ClaimsModule, NotificationsModule],
  providers: [SubsidyPaymentsService, PaymentNoticesService],
  exports: [SubsidyPaymentsService, PaymentNoticesService, ClaimsModule],
})
export class SubsidyPaymentsModule {}
