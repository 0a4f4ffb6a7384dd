import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The evidence ports (policy.md section 0). */
export const EVIDENCE_PORTS = [
  'social_insurance', 'employment_registration', 'market_registration', 'graduation', 'certificate', 'training',
  'poverty_status', 'exclusion_list', 'payment_return',
] as const;
export type EvidencePort = (typeof EVIDENCE_PORTS)[number];

/**
 * One answer of an evidence port, kept as it was received: the source (adapter and file or service), when it was
 * fetched, the period it is valid for, the payload encrypted (FieldCipher) and the SHA-256 of the plain payload,
 * so a decision can name the evidence it used and show it was not changed since.
 */
@Entity('subsidy_evidence_snapshot')
@Index('subsidy_evidence_snapshot_subject_idx', ['port', 'subjectKey', 'fetchedAt'])
export class EvidenceSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  port: EvidencePort;

  /** Whom or what the answer is about (a person's blind index, a credit code, a certificate number's blind index). */
  @Column({ type: 'text' })
  subjectKey: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'timestamptz' })
  fetchedAt: Date;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'text' })
  payloadHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
