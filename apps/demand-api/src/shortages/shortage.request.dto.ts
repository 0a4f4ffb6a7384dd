import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  MinLength, ValidateNested,
} from 'class-validator';
import {
  REVIEW_DECISIONS, ReviewDecisionKind, SHORTAGE_LIMITS, SHORTAGE_SORTS, SHORTAGE_STATUSES, ShortageSort, ShortageStatus, URGENCIES, Urgency, WORK_TYPES, WorkType,
} from '@app/employer-demand';
import { RULE_SET } from '@app/posting-screen';
import { IsNotBelow, IsTodayOrLater, PageQuery } from '@app/http';
import { EDUCATION_CHOICES, IsCertificateCode, IsIndustryCode, IsOccupationCode, IsRegionCode, POLICY_DIRECTION_CODES } from '@app/taxonomy';

const L = SHORTAGE_LIMITS;

export const PAY_BASES = ['monthly', 'hourly', 'piece'] as const;
/** The plan's seven directions (the code list in @app/taxonomy). */
export const POLICY_DIRECTIONS = POLICY_DIRECTION_CODES;

export class SkillRequirementDto {
  @ApiProperty({ example: '失智照护' }) @IsString() @MinLength(1) @MaxLength(L.skillName)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 五级/初级工 … 5 一级/高级技师' }) @IsInt() @Min(1) @Max(5)
  level: number;
}

/** 缺工需求. The mandatory elements of a posting (人力资源市场暂行条例 24) are required here. */
export class CreateShortageRequest {
  @ApiProperty() @IsUUID()
  employerId: string;

  @ApiProperty({ example: '养老护理员（白班）' }) @IsString() @MinLength(L.title[0]) @MaxLength(L.title[1])
  title: string;

  @ApiProperty({ example: '4-10-01-05', description: '职业分类大典 2022, detailed level' }) @IsOccupationCode({ level: 4 })
  occupationCode: string;

  @ApiProperty({ example: '8514', description: 'GB/T 4754-2017' }) @IsIndustryCode()
  industryCode: string;

  @ApiProperty({ minimum: L.headcount[0], maximum: L.headcount[1] }) @IsInt() @Min(L.headcount[0]) @Max(L.headcount[1])
  headcount: number;

  @ApiPropertyOptional({ type: [SkillRequirementDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => SkillRequirementDto) @ArrayMaxSize(L.skills)
  requiredSkills: SkillRequirementDto[];

  @ApiPropertyOptional({ type: [SkillRequirementDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => SkillRequirementDto) @ArrayMaxSize(L.skills)
  preferredSkills: SkillRequirementDto[];

  @ApiPropertyOptional({ example: ['SKL-4-10-01-05'] }) @IsOptional() @IsCertificateCode({ each: true }) @ArrayMaxSize(L.certificates)
  requiredCertificates: string[];

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5)
  minSkillLevel: number | null;

  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_CHOICES }) @IsOptional() @IsIn(EDUCATION_CHOICES)
  education: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: L.experienceYears[0], maximum: L.experienceYears[1] }) @IsOptional() @IsInt() @Min(L.experienceYears[0]) @Max(L.experienceYears[1])
  experienceYears: number | null;

  @ApiProperty({ example: 4500, description: 'monthly, yuan (basic pay)' }) @IsInt() @Min(L.wage[0]) @Max(L.wage[1])
  wageMin: number;

  @ApiProperty({ example: 6500 }) @IsInt() @Min(L.wage[0]) @Max(L.wage[1]) @IsNotBelow('wageMin')
  wageMax: number;

  @ApiPropertyOptional({ enum: PAY_BASES, enumName: 'PayBasis', default: 'monthly' }) @IsOptional() @IsIn(PAY_BASES)
  payBasis: string;

  @ApiProperty({ enum: WORK_TYPES, enumName: 'WorkType' }) @IsIn(WORK_TYPES)
  workType: WorkType;

  @ApiPropertyOptional({ nullable: true, type: String, example: '白班 8:00–17:00，月休 4 天' }) @IsOptional() @IsString() @MaxLength(L.shifts)
  shifts: string | null;

  @ApiProperty({ example: '460106' }) @IsRegionCode()
  regionCode: string;

  @ApiProperty({ example: '海口市龙华区金垦路 8 号' }) @IsString() @MinLength(L.address[0]) @MaxLength(L.address[1])
  address: string;

  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsLatitude()
  lat: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsLongitude()
  lng: number | null;

  @ApiPropertyOptional({
    example: '460105100',
    description: 'a township picked in the form (NBS code) when the geocoded address is wrong or too coarse; not stored, it sets lat/lng',
  })
  @IsOptional() @Matches(/^46\d{7}$/, { message: '乡镇编码应为 9 位统计用区划代码' })
  townshipCode?: string;

  @ApiProperty({ example: '2026-12-01' }) @IsISO8601({ strict: true })
  startDate: string;

  @ApiProperty({ example: '2027-01-31', description: 'validity period ends' }) @IsISO8601({ strict: true }) @IsTodayOrLater() @IsNotBelow('startDate')
  deadline: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '岗前培训 5 天，公司承担费用' }) @IsOptional() @IsString() @MaxLength(L.trainingOffered)
  trainingOffered: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  acceptsTrainees: boolean;

  @ApiPropertyOptional({ enum: URGENCIES, enumName: 'Urgency' }) @IsOptional() @IsIn(URGENCIES)
  urgency: Urgency;

  @ApiPropertyOptional({ description: 'open to people with disabilities' }) @IsOptional() @IsBoolean()
  openToDisabled: boolean;

  @ApiPropertyOptional({ nullable: true, enum: POLICY_DIRECTIONS }) @IsOptional() @IsIn(POLICY_DIRECTIONS)
  policyDirection: string | null;

  @ApiProperty({ description: 'work content and conditions', example: '负责失能老人生活照料、协助康复训练。' }) @IsString() @MinLength(L.description[0]) @MaxLength(L.description[1])
  description: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'your own reference for this posting (re-imports update it)' }) @IsOptional() @IsString() @MaxLength(L.externalRef)
  externalRef: string | null;

  @ApiPropertyOptional({ description: 'submit to the posting screen right away' }) @IsOptional() @IsBoolean()
  submit?: boolean;

  @ApiPropertyOptional({ description: 'justification for WARN findings, when submitting' }) @IsOptional() @IsString() @MaxLength(500)
  justification?: string;
}

export class UpdateShortageRequest extends PartialType(OmitType(CreateShortageRequest, ['employerId', 'submit', 'justification'] as const)) {}

export class SubmitShortageRequest {
  @ApiPropertyOptional({ description: 'why WARN findings are acceptable' }) @IsOptional() @IsString() @MaxLength(500)
  justification?: string;
}

export class BulkSubmitRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 200, description: 'the drafts to submit, e.g. the rows of an import' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true })
  ids: string[];

  @ApiPropertyOptional({ description: 'why WARN findings are acceptable (applies to every posting of the batch)' }) @IsOptional() @IsString() @MaxLength(500)
  justification?: string;
}

export class ReviewDecisionRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS, enumName: 'ReviewDecisionKind', description: 'approve publishes; reject closes the posting; request_changes returns it to draft' })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecisionKind;

  @ApiProperty({ example: '岗位为井下作业，经核实符合规定' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class CloseShortageRequest {
  @ApiProperty({ example: '企业已通过其他渠道招满' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class ShortageListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'open,partially_filled' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value)) @IsIn(SHORTAGE_STATUSES, { each: true })
  status?: ShortageStatus[];

  @ApiPropertyOptional({ example: '460100' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ example: '4-10', description: 'occupation code at any level' }) @IsOptional() @IsOccupationCode()
  occupation?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ enum: POLICY_DIRECTIONS, enumName: 'PolicyDirection' }) @IsOptional() @IsIn(POLICY_DIRECTIONS)
  policyDirection?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: SHORTAGE_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(SHORTAGE_SORTS)
  sort?: ShortageSort;
}

export const RULE_CODES = RULE_SET.rules.map((rule) => rule.code);

export class ReviewQueueQuery extends PageQuery {
  @ApiPropertyOptional({ example: '460100', description: 'work region; a city covers its districts' }) @IsOptional() @IsRegionCode()
  region?: string;

  @ApiPropertyOptional({ enum: RULE_CODES, enumName: 'RuleCode', description: 'postings with a finding of this rule' }) @IsOptional() @IsIn(RULE_CODES)
  rule?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'held for review at least this many days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3650)
  minDays?: number;
}
