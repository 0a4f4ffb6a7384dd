import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FieldCipher, normalizeForBlindIndex } from '@app/crypto';
import { SubsidyPayee } from './payment-records.entity';

export interface PayeeInput {
  payeeName: string;
  account: string;
  bankName: string;
  phone?: string | null;
  address?: string | null;
}

/** The account number as the bank file and the blind index take it: full-width digits and spaces tolerated. */
export const normalizeAccount = (account: string) => account.normalize('NFKC').replace(/\s+/g, '');

/**
 * Where a claim is paid (户名, 账号, 开户行; name and account encrypted, blind indexes of account, phone and address
 * for the fraud checks). The claim workflow records it when a claim is filed or confirmed; payment batches read it.
 */
@Injectable()
export class SubsidyPayees {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
  ) {}

  /** Records where a claim is paid (replacing an earlier payee; batches already sent keep what they sent). */
  async record(claimId: string, payee: PayeeInput): Promise<void> {
    const account = normalizeAccount(payee.account);
    await this.txHost.tx.getRepository(SubsidyPayee).upsert({
      claimId,
      payeeName: this.cipher.encrypt(payee.payeeName.trim()),
      account: this.cipher.encrypt(account),
      accountIndex: this.cipher.blindIndex(account),
      bankName: payee.bankName.trim(),
      phoneIndex: payee.phone ? this.cipher.blindIndex(payee.phone.normalize('NFKC').replace(/\D/g, '')) : null,
      addressKey: payee.address ? this.cipher.blindIndex(normalizeForBlindIndex(payee.address.normalize('NFKC').replace(/\s+/g, ''))) : null,
    }, ['claimId']);
  }
}
