import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { NotificationsService } from '@app/notifications';
import { fenToYuan } from '../core';

/** Tells a claimant their claim was paid (outbox topic `subsidy.claim_paid`): once per claim, however often it runs. */
@Injectable()
export class PaymentNoticesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
  ) {}

  async noticePaid(claimId: string): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const [claim]: { rule: string; status: string; claimant_id: string | null; paid: string | null }[] = await this.txHost.tx.query(
        `SELECT c.rule, c.status, c.claimant_id, (SELECT sum(amount_fen) FROM subsidy_payment_instalment i WHERE i.claim_id = c.id AND i.status = 'paid') AS paid
         FROM subsidy_claim c WHERE c.id = $1`,
        [claimId],
      );
      if (!claim || claim.status !== 'paid' || !claim.claimant_id) return 0;
      const users: { id: string }[] = await this.txHost.tx.query(
        `SELECT id FROM app_user WHERE (employer_id = $1 OR seeker_id = $1) AND NOT disabled`,
        [claim.claimant_id],
      );
      const yuan = fenToYuan(Number(claim.paid ?? 0));
      return this.notifications.notify(
        users.map((u) => u.id),
        {
          kind: 'subsidy.claim_paid',
          titleZh: `补贴已发放（${claim.rule}）`,
          titleEn: `Subsidy paid (${claim.rule})`,
          bodyZh: `您的补贴申请已全部发放，共 ${yuan} 元。`,
          bodyEn: `Your subsidy claim has been paid in full: ${yuan} yuan.`,
        },
        `subsidy-paid:${claimId}`,
      );
    });
  }
}
