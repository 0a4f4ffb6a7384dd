import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shortage } from './shortage.entity';

export const REVIEW_DECISIONS = ['approve', 'reject', 'request_changes'] as const;
/** approve: publish; reject: the posting is closed; request_changes: back to draft for the employer to edit and resubmit. */
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** A reviewer's decision on a posting the screen held for review, with the verdict and rule-set version decided on. */
@Entity('posting_review_decision')
@Index('posting_review_decision_shortage_idx', ['shortageId', 'decidedAt'])
export class ReviewDecision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  shortageId: string;

  @ManyToOne(() => Shortage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shortage_id' })
  shortage?: Shortage;

  @Column({ type: 'text' })
  decision: ReviewDecisionKind;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  reviewerId: string;

  /** The verdict under review and the rule-set version that produced it. */
  @Column({ type: 'text' })
  verdict: string;

  @Column({ type: 'text' })
  ruleSetVersion: string;

  /** The rules whose findings were under review. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  ruleCodes: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}
