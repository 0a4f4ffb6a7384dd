import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SubsidyClaim } from '../persistence/subsidy-claim.entity';

/**
 * The facts of a claim the fraud checks compare across claims (keys are blind indexes or credit codes, never plain
 * ID numbers): whom it is for, where, the dates the claim states, who issued the certificate and which officer filed it.
 */
@Entity('subsidy_claim_facts')
@Index('subsidy_claim_facts_person_idx', ['personKey'])
@Index('subsidy_claim_facts_employer_idx', ['employerKey', 'hireDate'])
@Index('subsidy_claim_facts_legal_rep_idx', ['legalRepKey'])
@Index('subsidy_claim_facts_issuer_idx', ['certificateIssuer', 'certificateDate'])
@Index('subsidy_claim_facts_officer_idx', ['officerId'])
export class SubsidyClaimFacts {
  @PrimaryColumn({ type: 'uuid' })
  claimId: string;

  @OneToOne(() => SubsidyClaim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  /** The person the claim is about (blind index of the ID number). */
  @Column({ type: 'text', nullable: true })
  personKey: string | null;

  /** The hiring or host employer's (or household's) credit code. */
  @Column({ type: 'text', nullable: true })
  employerKey: string | null;

  /** The employer's legal representative (blind index), for the related-party and related-employer checks. */
  @Column({ type: 'text', nullable: true })
  legalRepKey: string | null;

  @Column({ type: 'date', nullable: true })
  hireDate: string | null;

  @Column({ type: 'date', nullable: true })
  contractStart: string | null;

  /** Contract term in months; null for open-ended. */
  @Column({ type: 'integer', nullable: true })
  contractMonths: number | null;

  @Column({ type: 'boolean', default: false })
  openEnded: boolean;

  @Column({ type: 'date', nullable: true })
  graduationDate: string | null;

  @Column({ type: 'date', nullable: true })
  insuranceStart: string | null;

  @Column({ type: 'text', nullable: true })
  certificateIssuer: string | null;

  @Column({ type: 'date', nullable: true })
  certificateDate: string | null;

  /** The officer who filed the claim for a walk-in (or took it through review). */
  @Column({ type: 'uuid', nullable: true })
  officerId: string | null;
}

/** Social-insurance contribution months, a projection of the social_insurance port's answers (one row per person, employer, month). */
@Entity('subsidy_insured_month')
@Index('subsidy_insured_month_employer_idx', ['employerKey', 'month'])
export class SubsidyInsuredMonth {
  @PrimaryColumn({ type: 'text' })
  personKey: string;

  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ type: 'text' })
  employerKey: string;
}

/** Exclusion lists (public payroll 财政供养, deceased, in school), a projection of the exclusion_list port. */
@Entity('subsidy_exclusion')
export class SubsidyExclusion {
  @PrimaryColumn({ type: 'text' })
  personKey: string;

  @PrimaryColumn({ type: 'text' })
  list: 'public_payroll' | 'deceased' | 'student';

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}

export const SUSPICIOUS_CASE_STATUSES = ['open', 'resolved'] as const;
export type SuspiciousCaseStatus = (typeof SUSPICIOUS_CASE_STATUSES)[number];

/**
 * A suspicious case (疑点) raised by a fraud check or the post-payment sample, for a person to look into and resolve
 * with a note. It never refuses a claim by itself. One case per claim, check and finding (`fingerprint`), so the
 * nightly run and a re-submission do not raise it twice.
 */
@Entity('subsidy_suspicious_case')
@Index('subsidy_suspicious_case_fingerprint', ['fingerprint'], { unique: true })
@Index('subsidy_suspicious_case_status_idx', ['status', 'raisedAt'])
@Index('subsidy_suspicious_case_claim_idx', ['claimId'])
export class SubsidySuspiciousCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => SubsidyClaim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  reasonZh: string;

  @Column({ type: 'text' })
  reasonEn: string;

  /** Other claims the finding involves. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  relatedClaimIds: string[];

  /** What raised it: a submission, the nightly run, the post-payment sample. */
  @Column({ type: 'text' })
  source: 'submission' | 'nightly' | 'sample';

  @Column({ type: 'text', default: 'open' })
  status: SuspiciousCaseStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;
}
