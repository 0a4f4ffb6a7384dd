import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';
import type { StoredExplanation } from './match-explanation-record';

export const MATCH_DECISIONS = ['sent', 'dismissed', 'not_interested'] as const;
export type MatchDecisionKind = (typeof MATCH_DECISIONS)[number];

/**
 * What a person decided about a recommendation; kept across runs. An officer sends a candidate to the
 * employer or dismisses them; a seeker says "not interested". Dismissed and not-interested pairs are left
 * out of every later run.
 */
@Entity('match_decision')
@Index('match_decision_seeker_idx', ['seekerId'])
export class MatchDecision {
  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @PrimaryColumn({ type: 'uuid' })
  seekerId: string;

  /** Deleting a seeker's account deletes their matches with it. */
  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'text' })
  decision: MatchDecisionKind;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid' })
  decidedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;

  /** The score and reasons when the decision was made: what the employer sees of a sent candidate, whatever later runs say. */
  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  @Column({ type: 'jsonb', nullable: true })
  explanation: StoredExplanation | null;
}
