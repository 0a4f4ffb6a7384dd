import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimStatus, SubsidyClaim } from './subsidy-claim.entity';

/** A claim's status history: one row per move of the workflow, with who moved it, in what capacity and why. */
@Entity('subsidy_claim_transition')
@Index('subsidy_claim_transition_claim_idx', ['claimId', 'at'])
export class SubsidyClaimTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  claimId: string;

  @ManyToOne(() => SubsidyClaim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: SubsidyClaim;

  /** Null for the row that opened the claim. */
  @Column({ type: 'text', nullable: true })
  fromStatus: ClaimStatus | null;

  @Column({ type: 'text' })
  toStatus: ClaimStatus;

  @Column({ type: 'text' })
  event: string;

  /** Null for the system (outbox handler, scheduled job). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  capacity: string;

  @Column({ type: 'text', nullable: true })
  reasonsZh: string | null;

  @Column({ type: 'text', nullable: true })
  reasonsEn: string | null;

  /** The decision recorded with this move (the automatic checks, a re-check). */
  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
