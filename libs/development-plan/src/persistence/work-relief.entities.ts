import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EstimateLine } from '../core';

/** bigint columns as numbers: amounts in fen stay far below 2^53. */
const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A 以工代赈 project of a city, county or 洋浦: its 以工代赈 funds for the year. */
@Entity('work_relief_project')
@Check('work_relief_project_funds_check', 'funds_fen > 0')
@Index('work_relief_project_year_reporter_idx', ['year', 'reporter'])
export class WorkReliefProject {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The city, county or 洋浦 whose project it is. */
  @Column({ type: 'text' })
  reporter: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  fundsFen: number;

  /** A key project (重点工程项目): its workers count toward the 10,000 a year. */
  @Column({ type: 'boolean', default: false })
  keyProject: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Labour pay actually paid to one worker on a project (劳务报酬发放台账): ID number and account encrypted, with blind indexes. */
@Entity('work_relief_payment')
@Check('work_relief_payment_amount_check', 'amount_fen > 0')
@Index('work_relief_payment_worker_idx', ['workerIdHash', 'projectId'])
@Index('work_relief_payment_account_idx', ['accountHash', 'projectId'])
export class WorkReliefPayment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('work_relief_payment_project_idx')
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => WorkReliefProject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_work_relief_payment_project' })
  project?: WorkReliefProject;

  @Column({ type: 'text' })
  workerName: string;

  @Column({ type: 'text' })
  workerIdEncrypted: string;

  @Column({ type: 'char', length: 64 })
  workerIdHash: string;

  @Column({ type: 'text' })
  accountEncrypted: string;

  @Column({ type: 'char', length: 64 })
  accountHash: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'date' })
  paidOn: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const ESTIMATE_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];

/** 就业影响评估: a major project's expected jobs by occupation and quarter; approved by the province, it is forecast demand. */
@Entity('job_impact_estimate')
@Check('job_impact_estimate_status_check', `status IN ('submitted', 'approved', 'returned')`)
@Index('job_impact_estimate_status_idx', ['status', 'reporter'])
export class JobImpactEstimate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reporter: string;

  @Column({ type: 'text' })
  projectName: string;

  /** The 以工代赈 project it belongs to, when it is one. */
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => WorkReliefProject, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_job_impact_estimate_project' })
  project?: WorkReliefProject;

  @Column({ type: 'text', default: 'submitted' })
  status: EstimateStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  lines: EstimateLine[];

  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
