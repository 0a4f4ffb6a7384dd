import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';
import type { MatchExplanationRecord } from './match-explanation-record';

/**
 * A scored pair written by one shard of a full re-match, before allocation. Shards write with
 * ON CONFLICT DO NOTHING, so a shard job that runs twice writes each pair once.
 */
@Entity('match_candidate')
export class MatchCandidate {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'uuid' })
  shortageId: string;

  @PrimaryColumn({ type: 'uuid' })
  seekerId: string;

  /** Deleting a seeker's account deletes their matches with it. */
  @ManyToOne(() => Seeker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'double precision' })
  score: number;

  /** eligible: on the shortlist if allocation keeps it; near_fit: a training referral. */
  @Column({ type: 'text' })
  kind: 'eligible' | 'near_fit';

  @Column({ type: 'jsonb' })
  explanation: MatchExplanationRecord;
}
