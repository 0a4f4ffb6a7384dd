import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export const SMS_CODE_PURPOSES = ['sign_in', 'password_reset'] as const;
export type SmsCodePurpose = (typeof SMS_CODE_PURPOSES)[number];

/**
 * One request for a one-time SMS code. A row is written for every request, also for a number no account has
 * (then without user and code, and nothing is sent), so the per-number limits answer the same whether or not the
 * number is registered. The code itself is never stored: only a keyed hash of it with the row's id.
 */
@Entity('sms_code')
@Index('sms_code_phone_idx', ['phoneHash', 'createdAt'])
export class SmsCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Keyed hash (blind index) of the number the code was asked for. */
  @Column({ type: 'char', length: 64 })
  phoneHash: string;

  @Index('sms_code_user_idx')
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** Deleted with the account. */
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  purpose: SmsCodePurpose;

  @Column({ type: 'char', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the code is used, or when a newer code for the same number and purpose replaces it. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
