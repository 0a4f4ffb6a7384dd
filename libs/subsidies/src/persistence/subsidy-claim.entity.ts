import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Payee, RuleCode } from '../core';

/** Where a claim comes from: applied for online, opened by the platform from a recorded hire (免申即享), or filed by an officer for a walk-in. */
export const CLAIM_ORIGINS = ['applied', 'apply_free', 'officer'] as const;
export type ClaimOrigin = (typeof CLAIM_ORIGINS)[number];

/** The workflow's states (issue 19): the main path, then the exits. */
export const CLAIM_STATUSES = [
  'candidate', 'draft', 'submitted', 'auto_checked', 'county_review', 'city_review', 'notice', 'approved', 'paid',
  'refused', 'appealed', 'objected', 'payment_failed', 'recovered', 'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * A subsidy claim under one rule. `subjectKey` names what is paid for (for G1 the person's blind index; for I1/I2 the
 * household's credit code; for T2 the project): one live claim per rule and subject, so a person is not claimed twice.
 */
@Entity('subsidy_claim')
@Index('subsidy_claim_subject_key', ['rule', 'subjectKey'], { unique: true, where: `status NOT IN ('refused', 'withdrawn')` })
@Index('subsidy_claim_status_idx', ['status', 'rule'])
@Index('subsidy_claim_queue_idx', ['status', 'regionCode'])
@Index('subsidy_claim_claimant_idx', ['claimantId', 'status'])
export class SubsidyClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  rule: RuleCode;

  @Column({ type: 'text', default: 'draft' })
  status: ClaimStatus;

  @Column({ type: 'text' })
  origin: ClaimOrigin;

  /** Who receives the money: the employer, the person, the household, the institution or the host unit. */
  @Column({ type: 'text' })
  claimantKind: Payee;

  /** The claimant's record (an employer or a seeker), when the platform has one. */
  @Column({ type: 'uuid', nullable: true })
  claimantId: string | null;

  @Column({ type: 'text' })
  subjectKey: string;

  /** The record the claim arose from (the hire's application, the project), when there is one. */
  @Column({ type: 'text', nullable: true })
  sourceRef: string | null;

  /** The legally relevant date of the latest decision (hire, certificate, quarter end). */
  @Column({ type: 'date', nullable: true })
  relevantDate: string | null;

  /** The account that created the claim; null for claims the platform opened. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  // --- The workflow (claims/claim-flow.ts): region, facts as filed, reviewers, notice, reasons. ---

  /** The county the claim is reviewed in (the employer's or the person's region). */
  @Column({ type: 'text', nullable: true })
  regionCode: string | null;

  /** What the claimant filed or the platform recorded (hire date, contract, names): no ID number in plain. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: ClaimDetails;

  /** The person's ID number, encrypted (FieldCipher), to look up evidence and print the masked notice line. */
  @Column({ type: 'text', nullable: true })
  personIdEncrypted: string | null;

  /** For a candidate claim (免申即享): when the re-check found it ready and offered it to the claimant. */
  @Column({ type: 'timestamptz', nullable: true })
  offeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  countyReviewedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  cityReviewedBy: string | null;

  @Column({ type: 'date', nullable: true })
  noticeFrom: string | null;

  @Column({ type: 'date', nullable: true })
  noticeUntil: string | null;

  /** The latest reasons given (refusal, objection, appeal, recovery), in Chinese and English. */
  @Column({ type: 'text', nullable: true })
  reasonsZh: string | null;

  @Column({ type: 'text', nullable: true })
  reasonsEn: string | null;
}

/** The facts a claim was filed with (G1: the hire). */
export interface ClaimDetails {
  personName?: string;
  seekerId?: string;
  employerId?: string;
  employerName?: string;
  applicationId?: string;
  hireDate?: string;
  /** Contract end; null when open-ended; absent when not stated. */
  contractEnd?: string | null;
  dispatch?: boolean;
  note?: string;
}
