import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ESTIMATE_STATUSES } from '@app/development-plan';
import { IsResidentId } from '@app/identifiers';

/** A city, county or 洋浦 region code (work-relief projects and estimates are theirs, not member units'). */
const REGION_REPORTER = /^(\d{6}|\d{9})$/;
const LEDGER_FLAGS = ['pay_share_below_30', 'worker_on_several_projects', 'account_on_several_projects', 'account_shared_by_workers'];
const MAX_FEN = 1e13; // 1,000 亿元

export class WorkReliefProjectsQuery {
  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: '469002' }) @IsOptional() @Matches(REGION_REPORTER)
  reporter?: string;
}

export class CreateWorkReliefProjectRequest {
  @ApiProperty({ example: '469002' }) @Matches(REGION_REPORTER)
  reporter: string;

  @ApiProperty({ example: 2026, minimum: 2020, maximum: 2100 }) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @ApiProperty({ example: '万泉河乡村道路改造以工代赈项目' }) @IsString() @MinLength(2) @MaxLength(200)
  name: string;

  @ApiProperty({ example: 5_000_000_00, description: '以工代赈 funds of the project, in fen (分)' }) @IsInt() @Min(1) @Max(MAX_FEN)
  fundsFen: number;

  @ApiPropertyOptional({ default: false, description: 'a key project (重点工程项目)' }) @IsOptional() @IsBoolean()
  keyProject?: boolean;
}

export class WorkReliefPaymentRequest {
  @ApiProperty({ example: '符小梅' }) @IsString() @MinLength(1) @MaxLength(50)
  workerName: string;

  @ApiProperty({ example: '460002199001011234', description: 'resident ID number; stored encrypted, shown masked' }) @IsResidentId()
  workerId: string;

  @ApiProperty({ example: '6228480012345678901', description: 'bank account; stored encrypted, shown by its last four digits' })
  @Matches(/^\d[\d ]{7,30}\d$/)
  account: string;

  @ApiProperty({ example: 360000, description: 'labour pay paid, in fen (分)' }) @IsInt() @Min(1) @Max(MAX_FEN)
  amountFen: number;

  @ApiProperty({ example: '2026-06-30' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/)
  paidOn: string;
}

export class AddWorkReliefPaymentsRequest {
  @ApiProperty({ type: [WorkReliefPaymentRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => WorkReliefPaymentRequest)
  payments: WorkReliefPaymentRequest[];
}

export class EstimateLineRequest {
  @ApiProperty({ example: '6-29-01-01', description: 'an occupation code of the 2022 classification' }) @IsString() @MaxLength(20)
  occupationCode: string;

  @ApiProperty({ example: 2027, minimum: 2020, maximum: 2100 }) @IsInt() @Min(2020) @Max(2100)
  year: number;

  @ApiProperty({ minimum: 1, maximum: 4 }) @IsInt() @Min(1) @Max(4)
  quarter: 1 | 2 | 3 | 4;

  @ApiProperty({ example: 40, minimum: 1, maximum: 1000000 }) @IsInt() @Min(1) @Max(1_000_000)
  jobs: number;
}

export class UpdateJobImpactEstimateRequest {
  @ApiProperty({ example: '琼海市万泉河综合治理工程' }) @IsString() @MinLength(2) @MaxLength(200)
  projectName: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'the 以工代赈 project, when it is one' }) @IsOptional() @IsUUID()
  projectId?: string | null;

  @ApiProperty({ type: [EstimateLineRequest] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(400) @ValidateNested({ each: true }) @Type(() => EstimateLineRequest)
  lines: EstimateLineRequest[];
}

export class CreateJobImpactEstimateRequest extends UpdateJobImpactEstimateRequest {
  @ApiProperty({ example: '469002' }) @Matches(REGION_REPORTER)
  reporter: string;
}

export class JobImpactEstimatesQuery {
  @ApiPropertyOptional({ enum: ESTIMATE_STATUSES }) @IsOptional() @IsIn(ESTIMATE_STATUSES)
  status?: (typeof ESTIMATE_STATUSES)[number];
}

export class ReviewJobImpactEstimateRequest {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return'])
  decision: 'approve' | 'return';

  @ApiPropertyOptional({ nullable: true, type: String, description: 'required to return' }) @IsOptional() @IsString() @MaxLength(1000)
  reason?: string | null;
}

export class JobImpactForecastQuery {
  @ApiProperty({ example: 2027, minimum: 2020, maximum: 2100, description: 'forecast from this year on' }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100)
  year: number;
}

// ---- responses ----

export class WorkReliefSummaryResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ description: 'labour pay paid, fen' }) paidFen: number;
  @ApiProperty({ example: 0.32, description: 'labour pay paid / 以工代赈 funds' }) payShare: number;
  @ApiProperty() workers: number;
  @ApiProperty() payments: number;
  @ApiProperty({ enum: LEDGER_FLAGS, isArray: true, enumName: 'WorkReliefFlag' }) flags: string[];
  @ApiProperty({ description: 'workers of this project also paid on another project in the province' }) workersOnOtherProjects: number;
  @ApiProperty({ description: 'accounts of this project also paid on another project or for another worker' }) accountsShared: number;
}

export class WorkReliefProjectResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '469002' }) reporter: string;
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'fen' }) fundsFen: number;
  @ApiProperty() keyProject: boolean;
  @ApiProperty({ type: WorkReliefSummaryResponse }) summary: WorkReliefSummaryResponse;
}

export class WorkReliefProjectListResponse {
  @ApiProperty({ type: [WorkReliefProjectResponse] }) items: WorkReliefProjectResponse[];
}

export class WorkReliefPaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '符*梅', description: 'masked' }) workerName: string;
  @ApiProperty({ example: '4600**********1234', description: 'masked' }) workerId: string;
  @ApiProperty({ example: '****8901', description: 'last four digits' }) account: string;
  @ApiProperty({ description: 'fen' }) amountFen: number;
  @ApiProperty({ example: '2026-06-30' }) paidOn: string;
}

export class WorkReliefProjectDetailResponse extends WorkReliefProjectResponse {
  @ApiProperty({ type: [WorkReliefPaymentResponse] }) paymentsList: WorkReliefPaymentResponse[];
}

export class EstimateLineResponse {
  @ApiProperty() occupationCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty() jobs: number;
}

export class JobImpactEstimateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reporter: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ enum: ESTIMATE_STATUSES, enumName: 'JobImpactEstimateStatus' }) status: string;
  @ApiProperty({ type: [EstimateLineResponse] }) lines: EstimateLineResponse[];
  @ApiProperty({ nullable: true, type: String }) reviewReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class JobImpactEstimateListResponse {
  @ApiProperty({ type: [JobImpactEstimateResponse] }) items: JobImpactEstimateResponse[];
}

export class ForecastDemandResponse {
  @ApiProperty() reporter: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty() jobs: number;
  @ApiProperty({ description: 'approved estimates it adds up' }) estimates: number;
}

export class JobImpactForecastResponse {
  @ApiProperty({ type: [ForecastDemandResponse] }) items: ForecastDemandResponse[];
}
