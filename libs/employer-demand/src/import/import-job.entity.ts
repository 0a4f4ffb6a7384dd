import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role, User } from '@app/auth';
import type { LocationBasis, LocationPrecision } from '@app/geocoding';

export const IMPORT_KINDS = ['shortages'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** partial: good rows are kept and bad rows reported; all_or_nothing: one bad row and nothing is written. */
export const IMPORT_MODES = ['partial', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** One bad cell (or row) of an imported workbook: the spreadsheet row number, the Chinese column header, a plain message. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
  /** The message in English (problems stored before it existed have none: the Chinese is shown). */
  messageEn?: string;
  /** A row with a title and no occupation code: the occupation its title suggests, to be confirmed by filling it in. */
  suggestion?: { code: string; name: string; confidence: number };
}

/**
 * Where an imported row was located: its coordinates (`given`), its geocoded address or its region's point,
 * with the precision, and a plain message such as '定位到：海口市秀英区长流镇（区县级）'.
 */
export interface ImportLocation {
  row: number;
  precision: LocationPrecision | null;
  basis: LocationBasis;
  message: string;
  messageEn?: string;
}

/**
 * A workbook import too large to run inside its request. The row is written in the request's transaction and is
 * the durable record of the work: the matcher picks up queued rows, runs them in chunks and keeps the counters
 * here, so a user can watch the progress and a crashed run resumes where it stopped.
 */
@Entity('import_job')
@Index('import_job_status_idx', ['status'])
@Index('import_job_requested_by_idx', ['requestedBy', 'createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ImportKind;

  @Column({ type: 'text', default: 'queued' })
  status: ImportStatus;

  @Column({ type: 'text' })
  mode: ImportMode;

  /** The uploaded .xlsx as received. Not loaded unless asked for (`addSelect('j.file')`). */
  @Column({ type: 'bytea', select: false })
  file: Buffer;

  @Column({ type: 'text' })
  fileName: string;

  /** Data rows in the workbook. */
  @Column({ type: 'int', default: 0 })
  total: number;

  /** Data rows handled so far (kept with each chunk's writes: a resumed run starts here). */
  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  created: number;

  @Column({ type: 'int', default: 0 })
  updated: number;

  /** Rows with at least one problem. */
  @Column({ type: 'int', default: 0 })
  failed: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  errors: ImportProblem[];

  /** How each written row was located (at most MAX_REPORTED_PROBLEMS listed). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  locations: ImportLocation[];

  /** Why the job as a whole failed (unreadable file, the requester lost access, an internal error). */
  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  /** The user who uploaded the file; the job runs with their current access. */
  @Column({ type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: User;

  @Column({ type: 'text' })
  requestedRole: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Touched by every chunk: a running job not touched for long has lost its worker. */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
