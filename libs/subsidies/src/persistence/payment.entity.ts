import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { InstalmentStatus } from '../core';
import { SubsidyClaim } from './subsidy-claim.entity';

const bigintAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A payment batch as sent to the bank, named by its batch number. */
@Entity('subsidy_payment_batch')
export class SubsidyPaymentBatch {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'closed' | 'cancelled';

  @Column({ type: 'integer' })
  rowCount: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  totalFen: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One instalment of a claim, keyed by claim and number: the database holds each once, so it is paid once. */
@Entity('subsidy_payment_instalment')
@Index('subsidy_payment_instalment_key', ['claimId', 'number'], { unique: true })
@Index('subsidy_payment_instalment_batch_idx', ['batchId'])
@Index('subsidy_payment_instalment_due', ['claimId', 'number'], { where: `status IN ('due', 'failed')` })
export class SubsidyPaymentInstalment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => SubsidyClaim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'integer' })
  amountFen: number;

  /** The payee's account, encrypted (FieldCipher). */
  @Column({ type: 'text' })
  account: string;

  @Column({ type: 'text', default: 'due' })
  status: InstalmentStatus;

  @Column({ type: 'text', nullable: true })
  batchId: string | null;

  @ManyToOne(() => SubsidyPaymentBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: SubsidyPaymentBatch;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;
}
