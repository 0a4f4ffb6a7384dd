import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The demo data set's own record (one row, id 1), written in the same transaction as the demo data: when it was
 * loaded, the day its dates were last brought forward, and how many shortages were generated since to keep
 * demand up. A database without this row holds no generated demo data.
 */
@Entity('demo_state')
export class DemoState {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'int' })
  seed: number;

  @Column({ type: 'timestamptz' })
  loadedAt: Date;

  /** The demo's reference date (Asia/Shanghai): every generated date was drawn relative to it. */
  @Column({ type: 'date' })
  loadedOn: string;

  /** The last day the demo refresh ran (Asia/Shanghai); scheduled jobs wait until it is today. */
  @Column({ type: 'date' })
  refreshedOn: string;

  /** Shortages generated after the load to replace filled, closed or expired ones. */
  @Column({ type: 'int', default: 0 })
  toppedUp: number;
}
