import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  AlertDetail, ALERT_KINDS, ALERT_STATUSES, ALERT_TIERS, CaseView, DEPARTMENTS, LayoffCheck, LEVELS, WARNING_IMPORT_KINDS, WarningAlert, WarningFirmReport,
  WarningImport, WarningLayoffReport, WarningMeasure, WarningResponseCase,
} from '@app/early-warning';
import { PageQuery } from '@app/http';
import { IsOccupationCode } from '@app/taxonomy';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const GROUNDS = ['bankruptcy_reorganisation', 'serious_difficulty', 'restructuring', 'changed_circumstances', 'other'] as const;

export class ReductionsRequest {
  @ApiPropertyOptional({ description: '自然减员' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) natural?: number;
  @ApiPropertyOptional({ description: '解除/终止' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) dismissal?: number;
  @ApiPropertyOptional({ description: '关闭破产' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) closure?: number;
  @ApiPropertyOptional({ description: '经济性裁员' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) economic_layoff?: number;
  @ApiPropertyOptional({ description: '业务转移' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) transfer?: number;
  @ApiPropertyOptional({ description: '其他' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) other?: number;
}

export class FirmReportRequest {
  @ApiProperty() @IsUUID() employerId: string;
  @ApiProperty({ example: '2026-11', description: 'the month reported (YYYY-MM), ended' })
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM (month must be YYYY-MM)' })
  month: string;
  @ApiProperty({ description: '建档时岗位数 (headcount at enrolment)' }) @IsInt() @Min(0) @Max(10_000_000) enrolmentHeadcount: number;
  @ApiProperty({ description: '上月末岗位数' }) @IsInt() @Min(0) @Max(10_000_000) previousHeadcount: number;
  @ApiProperty({ description: '本月末岗位数' }) @IsInt() @Min(0) @Max(10_000_000) headcount: number;
  @ApiProperty({ description: '本月新增' }) @IsInt() @Min(0) @Max(10_000_000) additions: number;
  @ApiProperty({ type: ReductionsRequest, description: '本月减少，按类型' }) @ValidateNested() @Type(() => ReductionsRequest) reductions: ReductionsRequest;
}

export class FirmReportQuery {
  @ApiProperty() @IsUUID() employerId: string;
}

export class LayoffReportRequest {
  @ApiProperty() @IsUUID() employerId: string;
  @ApiPropertyOptional({ enum: GROUNDS, description: '劳动合同法第41条第1款的法定事由' }) @IsOptional() @IsIn(GROUNDS) ground?: (typeof GROUNDS)[number];
  @ApiProperty({ description: '拟裁减人数' }) @IsInt() @Min(1) @Max(1_000_000) count: number;
  @ApiPropertyOptional({ description: '职工总数' }) @IsOptional() @IsInt() @Min(1) @Max(10_000_000) staff?: number;
  @ApiProperty({ type: [String], description: '被裁减人员的职业（2022 版职业分类细类编码）' })
  // Decorators run bottom-up and validation stops at the first failure: the size is checked before each element.
  @IsOccupationCode({ each: true }) @ArrayMinSize(1) @ArrayMaxSize(20) @IsArray()
  occupations: string[];
  @ApiPropertyOptional({ description: '向工会或全体职工说明情况的日期' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) noticeDate?: string;
  @ApiProperty({ description: '裁员生效日期' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveDate: string;
  @ApiPropertyOptional({ description: '是否听取了工会或职工意见' }) @IsOptional() @IsBoolean() unionConsulted?: boolean;
  @ApiPropertyOptional({ description: '更正的报告' }) @IsOptional() @IsUUID() amends?: string;
  @ApiPropertyOptional({ description: '关闭破产' }) @IsOptional() @IsBoolean() closure?: boolean;
}

export class WorkbookQuery {
  @ApiProperty({ example: '2026-11', description: 'the month (YYYY-MM)' })
  @Matches(MONTH, { message: '月份格式应为 YYYY-MM (month must be YYYY-MM)' })
  month: string;
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'language of the sheet names and headers' }) @IsOptional() @IsIn(['zh', 'en']) lang?: 'zh' | 'en';
}

export class ImportQuery {
  @ApiProperty({ enum: WARNING_IMPORT_KINDS }) @IsIn(WARNING_IMPORT_KINDS) kind: (typeof WARNING_IMPORT_KINDS)[number];
}

export class AlertListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @IsOptional() @IsIn(ALERT_STATUSES) status?: (typeof ALERT_STATUSES)[number];
  @ApiPropertyOptional() @IsOptional() @Matches(/^46\d{4}$/, { message: '地区代码应为 6 位 (region must be 6 digits)' }) region?: string;
}

export class AcknowledgeRequest {
  @ApiProperty({ enum: DEPARTMENTS }) @IsIn(DEPARTMENTS) department: (typeof DEPARTMENTS)[number];
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class CasePeopleRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) seekerIds: string[];
  @ApiProperty({ description: '离岗日期' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) laidOffOn: string;
}

// ---- responses

export class ReductionsResponse extends ReductionsRequest {}

export class FirmReportResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() industryCode: string;
  @ApiProperty() month: string;
  @ApiProperty() enrolmentHeadcount: number;
  @ApiProperty() previousHeadcount: number;
  @ApiProperty() headcount: number;
  @ApiProperty() additions: number;
  @ApiProperty({ type: ReductionsResponse }) reductions: ReductionsResponse;
  @ApiProperty({ description: '岗位流失率 (%) = reductions ÷ previous headcount' }) jobLossRate: number;
  @ApiProperty() updatedAt: Date;

  static of(r: WarningFirmReport): FirmReportResponse {
    const reductions = Object.values(r.reductions).reduce((n: number, x) => n + (x ?? 0), 0);
    return Object.assign(new FirmReportResponse(), {
      id: r.id, employerId: r.employerId, regionCode: r.regionCode, industryCode: r.industryCode, month: r.month, enrolmentHeadcount: r.enrolmentHeadcount,
      previousHeadcount: r.previousHeadcount, headcount: r.headcount, additions: r.additions, reductions: r.reductions,
      jobLossRate: r.previousHeadcount > 0 ? Math.round((reductions / r.previousHeadcount) * 10_000) / 100 : 0, updatedAt: r.updatedAt,
    });
  }
}

export class FirmReportListResponse {
  @ApiProperty({ type: [FirmReportResponse] }) items: FirmReportResponse[];
}

export class CheckResponse {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['pass', 'fail', 'unknown'] }) verdict: 'pass' | 'fail' | 'unknown';
  @ApiProperty() basis: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class LayoffCheckResponse {
  @ApiProperty() reportable: boolean;
  @ApiProperty({ enum: ['count', 'share', 'split'], nullable: true, type: String }) reachedBy: 'count' | 'share' | 'split' | null;
  @ApiProperty({ description: 'people over the 90-day window holding this report' }) windowTotal: number;
  @ApiProperty({ type: [String] }) windowReportIds: string[];
  @ApiProperty({ type: Number, nullable: true }) noticeDays: number | null;
  @ApiProperty({ type: [CheckResponse] }) checks: CheckResponse[];

  static of(c: LayoffCheck): LayoffCheckResponse {
    return Object.assign(new LayoffCheckResponse(), {
      reportable: c.reportable, reachedBy: c.reachedBy, windowTotal: c.windowTotal, windowReportIds: c.windowReportIds, noticeDays: c.noticeDays, checks: c.checks,
    });
  }
}

export class LayoffReportResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() industryCode: string;
  @ApiProperty({ type: String, nullable: true }) ground: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) staff: number | null;
  @ApiProperty({ type: [String] }) occupations: string[];
  @ApiProperty({ type: String, nullable: true }) noticeDate: string | null;
  @ApiProperty() effectiveDate: string;
  @ApiProperty({ type: Boolean, nullable: true }) unionConsulted: boolean | null;
  @ApiProperty({ type: String, nullable: true }) amends: string | null;
  @ApiProperty() closure: boolean;
  @ApiProperty({ type: LayoffCheckResponse }) check: LayoffCheckResponse;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'the rapid-response case, once opened (seconds after filing)' }) caseId: string | null;

  static of(r: WarningLayoffReport, caseId: string | null = null): LayoffReportResponse {
    return Object.assign(new LayoffReportResponse(), {
      id: r.id, employerId: r.employerId, regionCode: r.regionCode, industryCode: r.industryCode, ground: r.ground, count: r.count, staff: r.staff,
      occupations: r.occupations, noticeDate: r.noticeDate, effectiveDate: r.effectiveDate, unionConsulted: r.unionConsulted, amends: r.amends, closure: r.closure,
      check: LayoffCheckResponse.of(r.checkResult), createdAt: r.createdAt, caseId,
    });
  }
}

export class ImportRowReportResponse {
  @ApiProperty() row: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [String] }) problems: string[];
}

export class WarningImportResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: WARNING_IMPORT_KINDS }) kind: string;
  @ApiProperty() fileName: string;
  @ApiProperty() rowCount: number;
  @ApiProperty() accepted: number;
  @ApiProperty({ type: [ImportRowReportResponse] }) rowReports: ImportRowReportResponse[];
  @ApiProperty() createdAt: Date;

  static of(i: WarningImport): WarningImportResponse {
    return Object.assign(new WarningImportResponse(), {
      id: i.id, kind: i.kind, fileName: i.fileName, rowCount: i.rowCount, accepted: i.accepted, rowReports: i.rowReports, createdAt: i.createdAt,
    });
  }
}

export class IndicatorEvidenceResponse {
  @ApiProperty() code: string;
  @ApiProperty() value: number;
  @ApiProperty({ description: '0 none, 1 = IV … 4 = I' }) severity: number;
}

export class HistoryPointResponse {
  @ApiProperty() month: string;
  @ApiProperty() raw: number;
  @ApiProperty() published: number;
}

export class AlertEvidenceResponse {
  @ApiProperty({ type: [IndicatorEvidenceResponse] }) indicators: IndicatorEvidenceResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) figures: Record<string, number>;
  @ApiProperty({ type: [String] }) drivers: string[];
  @ApiProperty() heldBySingleSignal: boolean;
  @ApiProperty({ type: [HistoryPointResponse] }) history: HistoryPointResponse[];
}

export class AlertResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() month: string;
  @ApiProperty({ enum: LEVELS }) level: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status: string;
  @ApiProperty({ enum: ALERT_TIERS }) tier: string;
  @ApiProperty({ enum: ALERT_TIERS }) raisedTier: string;
  @ApiProperty({ type: [String] }) drivers: string[];
  @ApiProperty({ type: AlertEvidenceResponse }) evidence: AlertEvidenceResponse;
  @ApiProperty({ type: String, nullable: true }) layoffReportId: string | null;
  @ApiProperty() raisedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) nextEscalationAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt: Date | null;

  static of(a: WarningAlert): AlertResponse {
    return Object.assign(new AlertResponse(), {
      id: a.id, kind: a.kind, regionCode: a.regionCode, month: a.month, level: a.level, status: a.status, tier: a.tier, raisedTier: a.raisedTier, drivers: a.drivers,
      evidence: a.evidence, layoffReportId: a.layoffReportId, raisedAt: a.raisedAt, nextEscalationAt: a.nextEscalationAt, acknowledgedAt: a.acknowledgedAt,
    });
  }
}

export class AcknowledgementResponse {
  @ApiProperty({ enum: DEPARTMENTS }) department: string;
  @ApiProperty() userId: string;
  @ApiProperty() note: string;
  @ApiProperty() at: Date;
}

export class EscalationResponse {
  @ApiProperty({ enum: ALERT_TIERS }) fromTier: string;
  @ApiProperty({ enum: ALERT_TIERS }) toTier: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty() recordedAt: Date;
}

export class AlertDetailResponse {
  @ApiProperty({ type: AlertResponse }) alert: AlertResponse;
  @ApiProperty({ type: [AcknowledgementResponse] }) acknowledgements: AcknowledgementResponse[];
  @ApiProperty({ type: [EscalationResponse] }) escalations: EscalationResponse[];
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;

  static of(d: AlertDetail): AlertDetailResponse {
    return Object.assign(new AlertDetailResponse(), {
      alert: AlertResponse.of(d.alert),
      acknowledgements: d.acknowledgements.map(({ department, userId, note, at }) => ({ department, userId, note, at })),
      escalations: d.escalations.map(({ fromTier, toTier, dueAt, recordedAt }) => ({ fromTier, toTier, dueAt, recordedAt })),
      caseId: d.caseId,
    });
  }
}

export class MatchedShortageResponse {
  @ApiProperty() shortageId: string;
  @ApiProperty() employerId: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() openHeadcount: number;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ enum: ['same_occupation', 'same_group', 'nearby'] }) fit: string;
}

export class TrainingGapResponse {
  @ApiProperty() occupationCode: string;
  @ApiProperty() people: number;
  @ApiProperty() openNearby: number;
  @ApiProperty({ type: [String] }) suggestedOccupations: string[];
}

export class CaseTaskResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: DEPARTMENTS }) owner: string;
  @ApiProperty({ enum: ['open', 'done'] }) status: string;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) doneAt: Date | null;
}

export class CaseEventResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() date: string;
  @ApiProperty() status: string;
  @ApiProperty() stationName: string;
}

export class ReemploymentResponse {
  @ApiProperty() people: number;
  @ApiProperty() reemployed: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays: number | null;
  @ApiProperty() within30Days: number;
}

export class CaseResponse {
  @ApiProperty() id: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) employerId: string | null;
  @ApiProperty({ type: LayoffReportResponse, nullable: true }) report: LayoffReportResponse | null;
  @ApiProperty({ type: AlertResponse, nullable: true }) alert: AlertResponse | null;
  @ApiProperty({ type: [MatchedShortageResponse] }) matchedShortages: MatchedShortageResponse[];
  @ApiProperty({ type: [TrainingGapResponse] }) trainingGaps: TrainingGapResponse[];
  @ApiProperty({ type: CaseEventResponse, nullable: true }) event: CaseEventResponse | null;
  @ApiProperty({ type: [CaseTaskResponse] }) tasks: CaseTaskResponse[];
  @ApiProperty({ type: ReemploymentResponse }) reemployment: ReemploymentResponse;
  @ApiProperty({ type: Date, nullable: true, description: 'when the matcher answered the layoff report' }) respondedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(v: CaseView): CaseResponse {
    const c = v.responseCase;
    return Object.assign(new CaseResponse(), {
      id: c.id, regionCode: c.regionCode, status: c.status, employerId: c.employerId, report: v.report ? LayoffReportResponse.of(v.report) : null,
      alert: v.alert ? AlertResponse.of(v.alert) : null, matchedShortages: c.matchedShortages, trainingGaps: c.trainingGaps, event: v.event,
      tasks: v.tasks.map(({ id, code, titleZh, titleEn, owner, status, dueAt, doneAt }) => ({ id, code, titleZh, titleEn, owner, status, dueAt, doneAt })),
      reemployment: v.reemployment, respondedAt: c.respondedAt, createdAt: c.createdAt,
    });
  }
}

/** A response case in a list: what it answers and where it stands (open the case for its contents). */
export class CaseSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) alertId: string | null;
  @ApiProperty({ type: String, nullable: true }) layoffReportId: string | null;
  @ApiProperty({ type: String, nullable: true }) employerId: string | null;
  @ApiProperty({ type: String, nullable: true }) eventId: string | null;
  @ApiProperty({ description: 'open shortages matched by the rapid response' }) matchedShortages: number;
  @ApiProperty({ type: Date, nullable: true }) respondedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(c: WarningResponseCase): CaseSummaryResponse {
    return Object.assign(new CaseSummaryResponse(), {
      id: c.id, regionCode: c.regionCode, status: c.status, alertId: c.alertId, layoffReportId: c.layoffReportId, employerId: c.employerId, eventId: c.eventId,
      matchedShortages: c.matchedShortages.length, respondedAt: c.respondedAt, createdAt: c.createdAt,
    });
  }
}

export class MeasureResponse {
  @ApiProperty() code: string;
  @ApiProperty({ enum: LEVELS }) level: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: DEPARTMENTS }) owner: string;
  @ApiProperty() dueHours: number;

  static of({ code, level, titleZh, titleEn, owner, dueHours }: WarningMeasure): MeasureResponse {
    return Object.assign(new MeasureResponse(), { code, level, titleZh, titleEn, owner, dueHours });
  }
}

export class MeasureListResponse {
  @ApiProperty({ type: [MeasureResponse] }) items: MeasureResponse[];
}
