import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { INDICATORS, PLATFORM_METRICS, REPORT_STATUSES } from '@app/development-plan';
import { POLICY_DIRECTION_CODES } from '@app/taxonomy';

const INDICATOR_CODES = INDICATORS.map((i) => i.code);
/** A city, county or 洋浦 region code, or a member unit ('unit:…'). */
const REPORTER = /^(\d{6}|\d{9}|unit:[a-z]{2,20})$/;
const REPORTER_MESSAGE = (args: { property: string }) => `${args.property}：填报单位应为市县区划代码或成员单位代码（unit:…）`;
const PHONE = /^1\d{10}$/;

export class PlanReporterYearQuery {
  @ApiProperty({ example: '469001', description: 'a city, county or 洋浦 region code, or a member unit code (unit:…)' })
  @Matches(REPORTER, { message: REPORTER_MESSAGE })
  reporter: string;

  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100)
  year: number;
}

export class PlanReporterQuarterQuery extends PlanReporterYearQuery {
  @ApiProperty({ minimum: 1, maximum: 4 }) @Type(() => Number) @IsInt() @Min(1) @Max(4)
  quarter: 1 | 2 | 3 | 4;
}

export class PlanQuarterQuery {
  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @ApiProperty({ minimum: 1, maximum: 4 }) @Type(() => Number) @IsInt() @Min(1) @Max(4)
  quarter: 1 | 2 | 3 | 4;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'] }) @IsOptional() @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class PlanDrillDownQuery extends PlanReporterQuarterQuery {
  @ApiProperty({ enum: INDICATOR_CODES, example: 'D4.hires', description: 'a platform-counted indicator: hires, of which priority groups, shortages filled or events held' }) @IsIn(INDICATOR_CODES)
  indicator: string;

  @ApiPropertyOptional({ enum: ['quarter', 'cumulative'], default: 'cumulative' }) @IsOptional() @IsIn(['quarter', 'cumulative'])
  span?: 'quarter' | 'cumulative';

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class PlanTargetRequest {
  @ApiProperty({ enum: INDICATOR_CODES }) @IsIn(INDICATOR_CODES)
  indicator: string;

  @ApiProperty({ nullable: true, type: Number, example: 1200, minimum: 0, maximum: 100000000 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000_000)
  annualGoal: number | null;

  @ApiPropertyOptional({ nullable: true, type: [Number], description: 'cumulative milestones at the end of Q1–Q4 (null where none)' })
  @IsOptional() @IsArray() @ArrayMaxSize(4) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0, { each: true }) @Max(100_000_000, { each: true })
  milestones?: number[] | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the attachment backing an entered figure (file name)' }) @IsOptional() @IsString() @MaxLength(200)
  attachment?: string | null;
}

export class PutPlanRequest {
  @ApiProperty({ type: [PlanTargetRequest] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanTargetRequest)
  targets: PlanTargetRequest[];

  @ApiPropertyOptional({ nullable: true, type: String, example: '王海燕' }) @IsOptional() @IsString() @MaxLength(50)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '13800138000', description: 'mobile for SMS reminders; stored encrypted, never returned' })
  @IsOptional() @Matches(PHONE, { message: (a: { property: string }) => `${a.property}：请填写 11 位手机号码` })
  contactPhone?: string | null;
}

export class StartPlanReportRequest {
  @ApiProperty({ example: '469001' }) @Matches(REPORTER, { message: REPORTER_MESSAGE })
  reporter: string;

  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 }) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4)
  quarter: 1 | 2 | 3 | 4;
}

export class PlanFigureRequest {
  @ApiProperty({ enum: INDICATOR_CODES }) @IsIn(INDICATOR_CODES)
  indicator: string;

  @ApiProperty({ nullable: true, type: Number }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1_000_000_000) @Max(1_000_000_000)
  quarter: number | null;

  @ApiProperty({ nullable: true, type: Number }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1_000_000_000) @Max(1_000_000_000)
  cumulative: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'why it differs from the platform count' }) @IsOptional() @IsString() @MaxLength(1000)
  note?: string | null;
}

export class PlanNarrativeRequest {
  @ApiPropertyOptional({ description: '主要做法' }) @IsOptional() @IsString() @MaxLength(5000) practices?: string;
  @ApiPropertyOptional({ description: '存在问题' }) @IsOptional() @IsString() @MaxLength(5000) problems?: string;
  @ApiPropertyOptional({ description: '下步打算' }) @IsOptional() @IsString() @MaxLength(5000) nextSteps?: string;
  @ApiPropertyOptional({ description: '典型经验' }) @IsOptional() @IsString() @MaxLength(5000) examples?: string;
}

export class UpdatePlanReportRequest {
  @ApiPropertyOptional({ type: [PlanFigureRequest] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PlanFigureRequest)
  figures?: PlanFigureRequest[];

  @ApiPropertyOptional({ type: PlanNarrativeRequest }) @IsOptional() @ValidateNested() @Type(() => PlanNarrativeRequest)
  narrative?: PlanNarrativeRequest;
}

export class ReviewPlanReportRequest {
  @ApiProperty({ enum: ['return', 'accept', 'lock'] }) @IsIn(['return', 'accept', 'lock'])
  decision: 'return' | 'accept' | 'lock';

  @ApiPropertyOptional({ nullable: true, type: String, description: 'required to return' }) @IsOptional() @IsString() @MaxLength(1000)
  reason?: string | null;
}

export class CorrectPlanReportRequest {
  @ApiProperty({ example: '第三季度托位数据经复核更正' }) @IsString() @MinLength(2) @MaxLength(1000)
  reason: string;
}

// ---- responses ----

export class PlanDirectionResponse {
  @ApiProperty({ enum: POLICY_DIRECTION_CODES, enumName: 'PolicyDirection' }) code: string;
  @ApiProperty({ example: 'D4' }) short: string;
  @ApiProperty({ example: '二（四）' }) section: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() headingZh: string;
}

export class PlanIndicatorResponse {
  @ApiProperty({ example: 'D4.hires' }) code: string;
  @ApiProperty({ enum: POLICY_DIRECTION_CODES, enumName: 'PolicyDirection' }) direction: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() unitZh: string;
  @ApiProperty() unitEn: string;
  @ApiProperty({ enum: ['count', 'ratio'] }) kind: string;
  @ApiProperty({ enum: ['platform', 'entered'] }) source: string;
  @ApiPropertyOptional({ enum: PLATFORM_METRICS }) metric?: string;
  @ApiPropertyOptional() partOf?: string;
  @ApiPropertyOptional() planGoal?: number;
  @ApiPropertyOptional() perUnit?: boolean;
  @ApiPropertyOptional() basisZh?: string;
}

export class PlanReporterResponse {
  @ApiProperty({ example: '469001' }) code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: ['city', 'county', 'zone', 'unit'] }) kind: string;
}

export class PlanCatalogueResponse {
  @ApiProperty({ type: [PlanDirectionResponse] }) directions: PlanDirectionResponse[];
  @ApiProperty({ type: [PlanIndicatorResponse] }) indicators: PlanIndicatorResponse[];
  @ApiProperty({ type: [PlanReporterResponse], description: 'the units the caller reports for' }) reporters: PlanReporterResponse[];
}

export class PlanTargetResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ nullable: true, type: Number }) annualGoal: number | null;
  @ApiProperty({ nullable: true, type: [Number] }) milestones: (number | null)[] | null;
  @ApiProperty({ nullable: true, type: String }) attachment: string | null;
}

export class PlanResponse {
  @ApiProperty() reporter: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [PlanTargetResponse] }) targets: PlanTargetResponse[];
  @ApiProperty({ nullable: true, type: String }) contactName: string | null;
  @ApiProperty() hasContactPhone: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: Date | null;
}

export class PlanFigureResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ nullable: true, type: Number }) quarter: number | null;
  @ApiProperty({ nullable: true, type: Number }) cumulative: number | null;
  @ApiProperty({ nullable: true, type: Number }) platformQuarter: number | null;
  @ApiProperty({ nullable: true, type: Number }) platformCumulative: number | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class PlanNarrativeResponse {
  @ApiPropertyOptional() practices?: string;
  @ApiPropertyOptional() problems?: string;
  @ApiPropertyOptional() nextSteps?: string;
  @ApiPropertyOptional() examples?: string;
}

export class PlanReportStepResponse {
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) by: string | null;
  @ApiPropertyOptional() reason?: string;
}

export class PlanCheckIssueResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ example: 'FAR_FROM_PLATFORM_NEEDS_NOTE' }) code: string;
  @ApiProperty() messageZh: string;
  @ApiProperty() messageEn: string;
}

export class PlanReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reporter: string;
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'PlanReportStatus' }) status: string;
  @ApiProperty({ type: [PlanFigureResponse] }) figures: PlanFigureResponse[];
  @ApiProperty({ type: PlanNarrativeResponse }) narrative: PlanNarrativeResponse;
  @ApiProperty({ type: [PlanReportStepResponse] }) history: PlanReportStepResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) prefilledAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) firstSubmittedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) previousId: string | null;
  @ApiProperty({ example: '2026-10-08', description: 'the deadline on the holiday-aware calendar' }) deadline: string;
  @ApiProperty({ type: [PlanCheckIssueResponse], description: 'balance checks as the report stands (empty: it balances)' }) issues: PlanCheckIssueResponse[];
}

export class PlanCurrentReportResponse {
  @ApiProperty({ nullable: true, type: PlanReportResponse }) report: PlanReportResponse | null;
  @ApiProperty({ example: '2026-10-08' }) deadline: string;
}

export class PlanCompiledCellResponse {
  @ApiProperty() indicator: string;
  @ApiProperty({ nullable: true, type: Number }) annualGoal: number | null;
  @ApiProperty({ nullable: true, type: Number }) quarter: number | null;
  @ApiProperty({ nullable: true, type: Number }) cumulative: number | null;
  @ApiProperty({ nullable: true, type: Number }) completion: number | null;
  @ApiProperty() expected: number;
  @ApiProperty({ nullable: true, type: Number }) gap: number | null;
  @ApiProperty({ enum: ['no_goal', 'done', 'on_track', 'slow', 'below_level'] }) status: string;
  @ApiProperty({ enum: ['report', 'platform', 'none'] }) from: string;
}

export class PlanCompiledRowResponse {
  @ApiProperty({ type: PlanReporterResponse }) reporter: PlanReporterResponse;
  @ApiProperty({ example: 'accepted', description: 'a report status, or missing' }) reportStatus: string;
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
  @ApiProperty() late: boolean;
  @ApiProperty({ type: [PlanCompiledCellResponse] }) cells: PlanCompiledCellResponse[];
}

export class PlanSlowItemResponse {
  @ApiProperty() reporter: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() indicator: string;
  @ApiProperty() completion: number;
  @ApiProperty() expected: number;
  @ApiProperty() gap: number;
}

export class PlanLateItemResponse {
  @ApiProperty() reporter: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ nullable: true, type: String }) submittedOn: string | null;
}

export class PlanCompileResponse {
  @ApiProperty() year: number;
  @ApiProperty() quarter: number;
  @ApiProperty() deadline: string;
  @ApiProperty({ description: '时序进度' }) elapsed: number;
  @ApiProperty({ type: [PlanCompiledRowResponse] }) rows: PlanCompiledRowResponse[];
  @ApiProperty({ type: [PlanCompiledCellResponse] }) province: PlanCompiledCellResponse[];
  @ApiProperty({ type: [PlanSlowItemResponse] }) slow: PlanSlowItemResponse[];
  @ApiProperty({ type: [PlanLateItemResponse] }) late: PlanLateItemResponse[];
}

export class PlanHireRecordResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'date-time' }) hiredAt: Date;
  @ApiProperty({ format: 'uuid' }) shortageId: string;
  @ApiProperty() shortageTitle: string;
  @ApiProperty() employerName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ nullable: true, enum: POLICY_DIRECTION_CODES, enumName: 'PolicyDirection' }) direction: string | null;
  @ApiProperty({ description: 'masked' }) seekerName: string;
  @ApiProperty() priority: boolean;
}

export class PlanFilledShortageRecordResponse {
  @ApiProperty({ format: 'uuid' }) shortageId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ nullable: true, enum: POLICY_DIRECTION_CODES, enumName: 'PolicyDirection' }) direction: string | null;
  @ApiProperty() headcount: number;
  @ApiProperty({ format: 'date-time' }) filledAt: Date;
}

export class PlanHeldEventRecordResponse {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() title: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: '2026-09-18' }) date: string;
  @ApiProperty() stationName: string;
  @ApiProperty() regionCode: string;
}

export class PlanDrillDownResponse {
  @ApiProperty({ enum: PLATFORM_METRICS, description: 'which list is filled: records (hires), shortages or events' }) metric: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [PlanHireRecordResponse], description: 'hires (metric hires, hires_priority)' }) records: PlanHireRecordResponse[];
  @ApiProperty({ type: [PlanFilledShortageRecordResponse], description: 'shortages filled (metric shortages_filled)' }) shortages: PlanFilledShortageRecordResponse[];
  @ApiProperty({ type: [PlanHeldEventRecordResponse], description: 'events held (metric events_held)' }) events: PlanHeldEventRecordResponse[];
}
