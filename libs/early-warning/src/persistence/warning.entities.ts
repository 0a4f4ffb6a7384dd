import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LayoffCheck } from '../core/layoff';
import type { Level, ReductionType } from '../core/types';

/** Who filed a signal: an officer for a paired enterprise, the enterprise itself, or a file import. */
export const SIGNAL_SOURCES = ['officer', 'employer', 'import'] as const;
export type SignalFiler = (typeof SIGNAL_SOURCES)[number];

/** A monitored firm's monthly report (失业动态监测): one per enterprise and month; a second filing replaces the first. */
@Entity('warning_firm_report')
@Index('warning_firm_report_key', ['employerId', 'month'], { unique: true })
@Index('warning_firm_report_region_idx', ['regionCode', 'month'])
export class WarningFirmReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  /** The enterprise's region and industry when filed (GB/T 2260, GB/T 4754). */
  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  industryCode: string;

  /** YYYY-MM. */
  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'int' })
  enrolmentHeadcount: number;

  @Column({ type: 'int' })
  previousHeadcount: number;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ type: 'int', default: 0 })
  additions: number;

  /** Reductions by type (自然减员, 解除/终止, 关闭破产, 经济性裁员, 业务转移, 其他). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  reductions: Partial<Record<ReductionType, number>>;

  @Column({ type: 'text' })
  filedVia: SignalFiler;

  @Column({ type: 'uuid', nullable: true })
  filedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A layoff report under 劳动合同法 第41条, with the core's check (threshold over 90 days, notice, ground, union). */
@Entity('warning_layoff_report')
@Index('warning_layoff_report_employer_idx', ['employerId', 'effectiveDate'])
@Index('warning_layoff_report_region_idx', ['regionCode', 'effectiveDate'])
export class WarningLayoffReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  industryCode: string;

  /** One of the four grounds of §41 (1), or `other`. */
  @Column({ type: 'text', nullable: true })
  ground: string | null;

  @Column({ type: 'int' })
  count: number;

  /** 职工总数, when given. */
  @Column({ type: 'int', nullable: true })
  staff: number | null;

  /** Occupation codes (2022) of the people laid off. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  occupations: string[];

  @Column({ type: 'date', nullable: true })
  noticeDate: string | null;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'boolean', nullable: true })
  unionConsulted: boolean | null;

  /** The report this one amends (it no longer counts). */
  @Column({ type: 'uuid', nullable: true })
  amends: string | null;

  @Column({ type: 'boolean', default: false })
  closure: boolean;

  /** Whether the threshold is reached (alone or summed over 90 days). */
  @Column({ type: 'boolean' })
  reportable: boolean;

  /** The core's check as it stood when filed. */
  @Column({ type: 'jsonb' })
  checkResult: LayoffCheck;

  @Column({ type: 'text' })
  filedVia: SignalFiler;

  @Column({ type: 'uuid', nullable: true })
  filedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const WARNING_IMPORT_KINDS = ['claims', 'rates', 'firm_status', 'social_insurance'] as const;
export type WarningImportKind = (typeof WARNING_IMPORT_KINDS)[number];

export interface WarningImportRowReport {
  row: number;
  ok: boolean;
  problems: string[];
}

/** An import of 失业保险金 claims or unemployment rates (CSV or Excel), with a report per row. */
@Entity('warning_import')
export class WarningImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: WarningImportKind;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'int' })
  accepted: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  rowReports: WarningImportRowReport[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** 失业保险金 claims for a region (and industry, `*` for all) and month; weekly figures where the source has them. */
@Entity('warning_claims_figure')
@Index('warning_claims_figure_key', ['regionCode', 'industryCode', 'month'], { unique: true })
export class WarningClaimsFigure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text', default: '*' })
  industryCode: string;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'int' })
  claims: number;

  @Column({ type: 'int', array: true, default: () => `'{}'` })
  weekly: number[];

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}

/** Registered and surveyed unemployment rates (percent) for a region and month. */
@Entity('warning_rate_figure')
@Index('warning_rate_figure_key', ['regionCode', 'month'], { unique: true })
export class WarningRateFigure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'double precision', nullable: true })
  registeredRate: number | null;

  @Column({ type: 'double precision', nullable: true })
  surveyedRate: number | null;

  @Column({ type: 'double precision', nullable: true })
  youthSurveyedRate: number | null;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}

export const ALERT_KINDS = ['monthly', 'layoff'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_TIERS = ['county', 'city', 'province'] as const;
export type AlertTier = (typeof ALERT_TIERS)[number];

/** Departments an alert goes to (成员单位); the lead department's acknowledgement stops the escalation clock. */
export const DEPARTMENTS = ['hrss', 'development_reform', 'finance', 'commerce', 'union'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const LEAD_DEPARTMENT: Department = 'hrss';
export const DEPARTMENT_LABEL: Record<Department, { zh: string; en: string }> = {
  hrss: { zh: '人力资源和社会保障局', en: 'Human resources and social security' },
  development_reform: { zh: '发展和改革委员会', en: 'Development and reform' },
  finance: { zh: '财政局', en: 'Finance' },
  commerce: { zh: '商务局', en: 'Commerce' },
  union: { zh: '总工会', en: 'Trade union federation' },
};

export interface AlertEvidence {
  /** Indicator values and their severities (1 = IV … 4 = I). */
  indicators: { code: string; value: number; severity: number }[];
  /** The figures behind them (monitored firms, claims, reductions …). */
  figures: Record<string, number>;
  drivers: string[];
  heldBySingleSignal: boolean;
  /** Raw severities month by month (oldest first) that the hysteresis stepped through. */
  history: { month: string; raw: number; published: number }[];
}

/**
 * An alert for a region: monthly (the published level of the region's indicators after hysteresis) or for one §41
 * layoff (raised at once). `key` makes raising idempotent (a retried job raises nothing twice).
 */
@Entity('warning_alert')
@Index('warning_alert_key', ['key'], { unique: true })
@Index('warning_alert_due_idx', ['status', 'nextEscalationAt'])
export class WarningAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: AlertKind;

  @Column({ type: 'text' })
  regionCode: string;

  /** YYYY-MM of the figures. */
  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'text' })
  level: Level;

  @Column({ type: 'text', default: 'open' })
  status: AlertStatus;

  /** Where the alert lies now: raised at the region's own office, escalated to the city, then the province. */
  @Column({ type: 'text' })
  tier: AlertTier;

  /** The tier it was raised at (its region's own level): escalation counts from here. */
  @Column({ type: 'text' })
  raisedTier: AlertTier;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  drivers: string[];

  @Column({ type: 'jsonb' })
  evidence: AlertEvidence;

  @Column({ type: 'uuid', nullable: true })
  layoffReportId: string | null;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  nextEscalationAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('warning_acknowledgement')
@Index('warning_acknowledgement_key', ['alertId', 'department'], { unique: true })
export class WarningAcknowledgement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alertId: string;

  @Column({ type: 'text' })
  department: Department;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

@Entity('warning_escalation')
@Index('warning_escalation_key', ['alertId', 'toTier'], { unique: true })
export class WarningEscalation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  alertId: string;

  @Column({ type: 'text' })
  fromTier: AlertTier;

  @Column({ type: 'text' })
  toTier: AlertTier;

  /** When the limit passed (raised + n × the level's hours), not when the job noticed. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;
}

/** A prepared measure (政策储备) for a level, with the department that owns it. */
@Entity('warning_measure')
@Index('warning_measure_key', ['code'], { unique: true })
export class WarningMeasure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  /** The lowest level the measure applies from. */
  @Column({ type: 'text' })
  level: Level;

  @Column({ type: 'text' })
  titleZh: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  owner: Department;

  /** Hours after the alert within which the task is due. */
  @Column({ type: 'int' })
  dueHours: number;
}

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface MatchedShortage {
  shortageId: string;
  employerId: string;
  title: string;
  occupationCode: string;
  regionCode: string;
  openHeadcount: number;
  distanceKm: number | null;
  /** How the occupation relates to a laid-off one: the same code, the same minor group, or any within reach. */
  fit: 'same_occupation' | 'same_group' | 'nearby';
}

export interface TrainingGap {
  occupationCode: string;
  people: number;
  openNearby: number;
  /** What to train for: the shortage occupations near by with more openings than people of that kind. */
  suggestedOccupations: string[];
}

/** A rapid-response case (应急处置) for an alert or a §41 report: matched jobs, a proposed event, training, tasks, re-employment. */
@Entity('warning_response_case')
@Index('warning_response_case_layoff_key', ['layoffReportId'], { unique: true, where: 'layoff_report_id IS NOT NULL' })
export class WarningResponseCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  alertId: string | null;

  @Column({ type: 'uuid', nullable: true })
  layoffReportId: string | null;

  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text', default: 'open' })
  status: CaseStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  matchedShortages: MatchedShortage[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  trainingGaps: TrainingGap[];

  /** The targeted recruitment event proposed at the nearest station. */
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  /** When the matcher answered (the layoff report's time to a proposal is W3). */
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

@Entity('warning_response_task')
@Index('warning_response_task_key', ['caseId', 'code'], { unique: true })
export class WarningResponseTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleZh: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  owner: Department;

  @Column({ type: 'text', default: 'open' })
  status: TaskStatus;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}

/** A person laid off, followed to re-employment: registered as a seeker on the case by an officer. */
@Entity('warning_case_person')
@Index('warning_case_person_key', ['caseId', 'seekerId'], { unique: true })
export class WarningCasePerson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  seekerId: string;

  @Column({ type: 'date' })
  laidOffOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The platform's own labour-market figures for a region and month: open positions and registered seekers (求人倍率,
 * as the demand summary counts them) at the latest snapshot of the month, and seekers newly registered in it.
 */
@Entity('warning_market_figure')
@Index('warning_market_figure_key', ['regionCode', 'month'], { unique: true })
export class WarningMarketFigure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'int' })
  vacancies: number;

  @Column({ type: 'int' })
  seekers: number;

  @Column({ type: 'int' })
  newRegistrations: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

export const FIRM_STATUS_KINDS = ['abnormal_list', 'deregistered', 'restored'] as const;
export type FirmStatusKind = (typeof FIRM_STATUS_KINDS)[number];

/**
 * An enterprise put on the abnormal list (经营异常名录), deregistered (注销), or taken off the list again, in a month:
 * from the platform's own abnormal list or an import of market-regulation records. Counted for paired enterprises.
 */
@Entity('warning_firm_status')
@Index('warning_firm_status_key', ['creditCode', 'status', 'month'], { unique: true })
export class WarningFirmStatus {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  status: FirmStatusKind;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'text' })
  source: 'platform' | 'import';

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An enterprise's social-insurance 增减员 for a month (insured headcount at the start, additions, reductions): the
 * import that widens the monitored sample to every insured enterprise ("两网合并"). A monitored firm's own report
 * for the same month wins over it.
 */
@Entity('warning_insurance_figure')
@Index('warning_insurance_figure_key', ['creditCode', 'month'], { unique: true })
@Index('warning_insurance_figure_region_idx', ['regionCode', 'month'])
export class WarningInsuranceFigure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  industryCode: string;

  @Column({ type: 'text' })
  month: string;

  @Column({ type: 'int' })
  previousHeadcount: number;

  @Column({ type: 'int' })
  additions: number;

  @Column({ type: 'int' })
  reductions: number;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;
}

export const WARNING_ENTITIES = [
  WarningFirmReport, WarningLayoffReport, WarningImport, WarningClaimsFigure, WarningRateFigure, WarningAlert, WarningAcknowledgement,
  WarningEscalation, WarningMeasure, WarningResponseCase, WarningResponseTask, WarningCasePerson, WarningMarketFigure, WarningFirmStatus,
  WarningInsuranceFigure,
];
