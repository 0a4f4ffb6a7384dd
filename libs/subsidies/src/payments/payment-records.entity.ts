import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SubsidyPaymentBatch, SubsidyPaymentInstalment } from '../persistence/payment.entity';
import { SubsidyClaim } from '../persistence/subsidy-claim.entity';

/**
 * Where a claim's money goes (户名, 账号, 开户行) and how the claimant is reached. Name and account are encrypted
 * (FieldCipher); the account's and phone's blind indexes let the fraud checks find one account or phone shared by
 * several claimants without decrypting anything.
 */
@Entity('subsidy_payee')
@Index('subsidy_payee_account_idx', ['accountIndex'])
@Index('subsidy_payee_phone_idx', ['phoneIndex'])
@Index('subsidy_payee_address_idx', ['addressKey'])
export class SubsidyPayee {
  @PrimaryColumn({ type: 'uuid' })
  claimId: string;

  @OneToOne(() => SubsidyClaim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  /** 户名, encrypted. */
  @Column({ type: 'text' })
  payeeName: string;

  /** 账号 (a 社保卡 financial account or a unit's account), encrypted. */
  @Column({ type: 'text' })
  account: string;

  @Column({ type: 'text' })
  accountIndex: string;

  /** 开户行. */
  @Column({ type: 'text' })
  bankName: string;

  @Column({ type: 'text', nullable: true })
  phoneIndex: string | null;

  /** A normalised address key (region code + normalised street), when known. */
  @Column({ type: 'text', nullable: true })
  addressKey: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export type BatchRowResult = 'pending' | 'paid' | 'failed' | 'bounced' | 'cancelled';

/**
 * One line of a bank file: an instalment sent in a batch, with the payee as it was sent. An instalment is in at most
 * one batch at a time and paid at most once: the partial unique index allows one row per instalment that is pending
 * or paid, whatever two batch creations race.
 */
@Entity('subsidy_payment_batch_row')
@Index('subsidy_payment_batch_row_live', ['instalmentId'], { unique: true, where: `result IN ('pending', 'paid')` })
@Index('subsidy_payment_batch_row_batch_idx', ['batchId', 'serial'])
export class SubsidyPaymentBatchRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  batchId: string;

  @ManyToOne(() => SubsidyPaymentBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: SubsidyPaymentBatch;

  /** 流水号: unique across batches (the batch number and the line). */
  @Column({ type: 'text', unique: true })
  serial: string;

  @Column({ type: 'uuid' })
  instalmentId: string;

  @ManyToOne(() => SubsidyPaymentInstalment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instalment_id' })
  instalment?: SubsidyPaymentInstalment;

  @Column({ type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'integer' })
  amountFen: number;

  /** The payee as sent (encrypted name and account, bank name), so a later account change does not rewrite an old file. */
  @Column({ type: 'text' })
  payeeName: string;

  @Column({ type: 'text' })
  account: string;

  @Column({ type: 'text' })
  bankName: string;

  /** 用途. */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text', default: 'pending' })
  result: BatchRowResult;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;
}

export const FUND_MOVEMENTS = ['paid', 'failed', 'bounced', 'recovered'] as const;
export type FundMovementKind = (typeof FUND_MOVEMENTS)[number];

/**
 * The fund ledger's lines, append-only: money paid out, a payment that failed (nothing moved, counted for the
 * ledger), a payment bounced back after it was paid, money recovered (追回). The monthly ledger sums them by
 * Shanghai month and rule. One line per batch row and kind, so an imported return file counted twice counts once.
 */
@Entity('subsidy_fund_movement')
@Index('subsidy_fund_movement_once', ['batchRowId', 'kind'], { unique: true, where: `batch_row_id IS NOT NULL` })
@Index('subsidy_fund_movement_month_idx', ['month', 'rule'])
export class SubsidyFundMovement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: FundMovementKind;

  /** First day of the Shanghai month the movement belongs to. */
  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @Column({ type: 'uuid', nullable: true })
  batchRowId: string | null;

  @Column({ type: 'integer' })
  amountFen: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
