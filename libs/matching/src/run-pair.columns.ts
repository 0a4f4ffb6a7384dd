import { JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Seeker } from '@app/seeker-pool';

/** The key of a (seeker, shortage) pair in one run's version of the results, shared by the tables of a run. */
export abstract class RunPairColumns {
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
}
