import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlanTarget, ReportFigure } from '../core';

/** 岗位开发计划: a reporting unit's targets for a year (a city, county, 洋浦 or member unit). */
@Entity('development_plan')
@Index('development_plan_reporter_year_key', ['reporter', 'year'], { unique: true })
export class DevelopmentPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A region code (city, county, 洋浦) or a member unit's code ('unit:…'). */
  @Column({ type: 'text' })
  reporter: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  targets: PlanTarget[];

  /** 填表人 and their mobile (encrypted), for reminders by SMS. */
  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhoneEncrypted: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'locked', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportNarrative {
  /** 主要做法 */
  practices: string;
  /** 存在问题 */
  problems: string;
  /** 下步打算 */
  nextSteps: string;
  /** 典型经验 */
  examples: string;
}

export interface ReportStep {
  status: ReportStatus;
  at: string;
  by: string | null;
  reason?: string;
}

/**
 * A quarterly report (岗位开发和方案实施情况) of one unit, one version: draft → submitted → returned (back to edit) or
 * accepted → locked. A correction after locking is a new version with a reason; the locked one is superseded.
 */
@Entity('plan_report')
@Index('plan_report_version_key', ['reporter', 'year', 'quarter', 'version'], { unique: true })
@Index('plan_report_period_idx', ['year', 'quarter', 'status'])
export class PlanReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reporter: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  quarter: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'text', default: 'draft' })
  status: ReportStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  figures: ReportFigure[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  narrative: Partial<ReportNarrative>;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  history: ReportStep[];

  /** When the platform's counts were read into the figures. */
  @Column({ type: 'timestamptz', nullable: true })
  prefilledAt: Date | null;

  /** The first submission of this quarter's report (any version): what lateness is judged on. */
  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ type: 'text', nullable: true })
  correctionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  previousId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One reminder or notice sent to a unit: keyed so a repeated run sends nothing twice. */
@Entity('plan_reminder')
export class PlanReminder {
  @PrimaryColumn({ type: 'text' })
  reporter: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @PrimaryColumn({ type: 'int' })
  quarter: number;

  /** before, due_today, overdue, slow. */
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'int', default: 0 })
  inApp: number;

  @Column({ type: 'int', default: 0 })
  sms: number;
}
