import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, Equals, IsBoolean, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength,
  ValidateBy, ValidateNested,
} from 'class-validator';
import { IsNotMobileNumber } from '@app/auth';
import { IsMobileNumber, IsResidentId } from '@app/identifiers';
import { JOB_SEEKING_STATUSES, JobSeekingStatus, PRIORITY_GROUPS, PriorityGroupCode } from '@app/seeker-pool';
import { EDUCATION_CHOICES, IsCertificateCode, IsOccupationCode, IsRegionCode } from '@app/taxonomy';

export const WORK_TYPES = ['full_time', 'part_time', 'seasonal', 'gig'] as const;

export class SkillDto {
  @ApiProperty({ example: '生活照料' }) @IsString() @MinLength(1) @MaxLength(32)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5)
  level: number;
}

export class CertificateDto {
  @ApiProperty({ example: 'SKL-4-10-01-05' }) @IsCertificateCode()
  code: string;

  @ApiProperty({ example: 'S000046000012345' }) @IsString() @MinLength(1) @MaxLength(64)
  number: string;

  @ApiProperty({ example: '2024-05-20' }) @IsISO8601({ strict: true })
  issuedOn: string;
}

export class ExperienceDto {
  @ApiProperty({ example: '4-10-01-05' }) @IsOccupationCode()
  occupationCode: string;

  @ApiProperty({ minimum: 0, maximum: 50 }) @IsInt() @Min(0) @Max(50)
  years: number;
}

/** A month, YYYY-MM (class-validator style message, rendered in zh-CN or English). */
const IsYearMonth = (): PropertyDecorator =>
  ValidateBy({
    name: 'isYearMonth',
    validator: { validate: (value) => typeof value === 'string' && /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(value), defaultMessage: (args) => `${args?.property} must be a month as YYYY-MM` },
  });

export class EducationEntryDto {
  @ApiProperty({ example: '海南职业技术学院' }) @IsString() @MinLength(1) @MaxLength(64)
  school: string;

  @ApiPropertyOptional({ example: '护理' }) @IsOptional() @IsString() @MaxLength(64)
  major?: string;

  @ApiProperty({ enum: EDUCATION_CHOICES }) @IsIn(EDUCATION_CHOICES)
  level: string;

  @ApiProperty({ example: '2014-09' }) @IsYearMonth()
  from: string;

  @ApiPropertyOptional({ example: '2017-07', nullable: true, type: String, description: 'empty while still studying' }) @IsOptional() @IsYearMonth()
  to?: string | null;
}

export class WorkEntryDto {
  @ApiProperty({ example: '海口市某养老院' }) @IsString() @MinLength(1) @MaxLength(64)
  employer: string;

  @ApiProperty({ example: '护理员' }) @IsString() @MinLength(1) @MaxLength(64)
  title: string;

  @ApiPropertyOptional({ example: '4-10-01-05', nullable: true, type: String }) @IsOptional() @IsOccupationCode()
  occupationCode?: string | null;

  @ApiProperty({ example: '2018-03' }) @IsYearMonth()
  from: string;

  @ApiPropertyOptional({ example: '2023-12', nullable: true, type: String, description: 'empty while the job lasts' }) @IsOptional() @IsYearMonth()
  to?: string | null;

  @ApiPropertyOptional({ example: '负责失能老人的生活照料' }) @IsOptional() @IsString() @MaxLength(500)
  description?: string;
}

export class PriorityGroupDto {
  @ApiProperty({ enum: PRIORITY_GROUPS }) @IsIn(PRIORITY_GROUPS)
  group: PriorityGroupCode;

  @ApiProperty({ example: '海南省脱贫人口信息系统登记' }) @IsString() @MinLength(2) @MaxLength(200)
  evidence: string;

  @ApiPropertyOptional({ example: '2025-06-30' }) @IsOptional() @IsISO8601({ strict: true })
  graduationDate?: string;

  @ApiPropertyOptional({ example: '海南大学' }) @IsOptional() @IsString() @MaxLength(64)
  school?: string;
}

export class SeekerProfileRequest {
  @ApiProperty({ example: '王小燕' }) @IsString() @MinLength(1) @MaxLength(32)
  name: string;

  @ApiProperty({ description: 'GB 11643; stored encrypted, never shown unmasked to others' }) @IsResidentId()
  residentId: string;

  @ApiPropertyOptional({ example: '13800001234' }) @IsOptional() @IsMobileNumber()
  phone?: string;

  @ApiProperty({ example: '460106' }) @IsRegionCode()
  regionCode: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  address?: string;

  @ApiPropertyOptional() @IsOptional() @IsLatitude()
  lat?: number;

  @ApiPropertyOptional() @IsOptional() @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ example: '460105100', description: 'home township (NBS code) picked from the list; locates the seeker when no coordinates are given' })
  @IsOptional() @Matches(/^46\d{7}$/, { message: '乡镇编码应为 9 位统计用区划代码' })
  townshipCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 10 }) @IsOptional() @IsInt() @Min(1) @Max(500)
  travelRadiusKm?: number;

  @ApiPropertyOptional({ example: ['4-10-01-05'] }) @IsOptional() @IsOccupationCode({ each: true }) @ArrayMaxSize(10)
  desiredOccupations?: string[];

  @ApiPropertyOptional({ type: [SkillDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => SkillDto) @ArrayMaxSize(30)
  skills?: SkillDto[];

  @ApiPropertyOptional({ type: [CertificateDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => CertificateDto) @ArrayMaxSize(20)
  certificates?: CertificateDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5)
  skillLevel?: number;

  @ApiPropertyOptional({ enum: EDUCATION_CHOICES }) @IsOptional() @IsIn(EDUCATION_CHOICES)
  education?: string;

  @ApiPropertyOptional({ type: [ExperienceDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => ExperienceDto) @ArrayMaxSize(20)
  experience?: ExperienceDto[];

  @ApiPropertyOptional({ example: 5000, description: 'monthly, yuan' }) @IsOptional() @IsInt() @Min(0) @Max(200000)
  wageExpectation?: number;

  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsISO8601({ strict: true })
  availableFrom?: string;

  @ApiPropertyOptional({ enum: WORK_TYPES, isArray: true }) @IsOptional() @IsIn(WORK_TYPES, { each: true })
  workTypes?: string[];

  @ApiPropertyOptional({ example: ['普通话', '海南话'] }) @IsOptional() @IsString({ each: true }) @MaxLength(16, { each: true }) @ArrayMaxSize(10)
  languages?: string[];

  @ApiPropertyOptional({ type: [PriorityGroupDto] }) @IsOptional() @ValidateNested({ each: true }) @Type(() => PriorityGroupDto) @ArrayMaxSize(7)
  priorityGroups?: PriorityGroupDto[];

  @ApiPropertyOptional({ type: [EducationEntryDto], description: 'education history, most recent first' })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => EducationEntryDto) @ArrayMaxSize(10)
  educationHistory?: EducationEntryDto[];

  @ApiPropertyOptional({ type: [WorkEntryDto], description: 'work history, most recent first' })
  @IsOptional() @ValidateNested({ each: true }) @Type(() => WorkEntryDto) @ArrayMaxSize(20)
  workHistory?: WorkEntryDto[];

  @ApiPropertyOptional({ enum: JOB_SEEKING_STATUSES, enumName: 'JobSeekingStatus' }) @IsOptional() @IsIn(JOB_SEEKING_STATUSES)
  jobSeekingStatus?: JobSeekingStatus;

  @ApiPropertyOptional({ example: '做事细心，有五年养老护理经验。', maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000)
  selfIntroduction?: string;

  @ApiPropertyOptional({ description: 'consent to use sensitive categories (priority groups, disability) in matching' })
  @IsOptional() @IsBoolean()
  consentSensitiveMatching?: boolean;
}

export class SelfRegistrationRequest extends SeekerProfileRequest {
  @ApiProperty({ example: 'wang-xiaoyan', description: 'letters, digits, - and _; not a mobile number (she signs in with her phone as it is)' })
  @Matches(/^[a-zA-Z0-9_-]{3,64}$/, { message: '用户名只能包含字母、数字、- 和 _，长度 3–64' }) @IsNotMobileNumber()
  username: string;

  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10, { message: '密码至少 10 位' }) @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ example: '2026-12-07', description: 'the version of the privacy policy and terms she agreed to on the form (GET /api/auth/terms); without it she is asked after signing in' })
  @IsOptional() @IsString() @MaxLength(32)
  termsVersion?: string;

  @ApiPropertyOptional({ description: 'with termsVersion: must be true' }) @IsOptional() @Equals(true)
  acceptTerms?: boolean;
}

export class UpdateSeekerProfileRequest extends PartialType(OmitType(SeekerProfileRequest, ['residentId', 'consentSensitiveMatching'] as const)) {}

export class ConsentRequest {
  @ApiProperty() @IsBoolean()
  consentSensitiveMatching: boolean;
}
