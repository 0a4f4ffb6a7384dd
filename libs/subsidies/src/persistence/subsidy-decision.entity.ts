import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Check, InstalmentPlan, Outcome, ParameterUse, RuleCode } from '../core';
import { SubsidyClaim } from './subsidy-claim.entity';

/**
 * A decision record (policy.md section 1, outputs): the rule version, the parameters used, the evidence it rested
 * on, every check with its basis and reasons. Automatic decisions have no `decidedBy`; a refusal stands only once a
 * person has confirmed it (`confirmedBy`).
 */
@Entity('subsidy_decision')
@Index('subsidy_decision_claim_idx', ['claimId', 'decidedAt'])
export class SubsidyDecision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => SubsidyClaim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  @Column({ type: 'text' })
  rule: RuleCode;

  @Column({ type: 'text' })
  ruleVersion: string;

  @Column({ type: 'text' })
  outcome: Outcome;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount: string;

  @Column({ type: 'date', nullable: true })
  relevantDate: string | null;

  @Column({ type: 'jsonb' })
  parameters: ParameterUse[];

  @Column({ type: 'jsonb' })
  checks: Check[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  instalments: InstalmentPlan[];

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  evidenceIds: string[];

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
