import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsResidentId } from '@app/identifiers';
import { PageQuery } from '@app/http';
import { CLAIM_STATUSES, ClaimDetail, ClaimStatus, ClaimView, STATUS_ZH } from '@app/subsidies';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (args: { property: string }) => `${args.property}：日期格式应为 YYYY-MM-DD`;
export const CLAIM_QUEUES = ['county', 'city', 'notice', 'candidates'] as const;

export class ClaimListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, enumName: 'ClaimStatus' }) @IsOptional() @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional({ enum: CLAIM_QUEUES, description: 'county: 初审; city: 复核, objections and appeals; notice: 公示中; candidates: 免申即享 candidates' })
  @IsOptional() @IsIn(CLAIM_QUEUES)
  queue?: (typeof CLAIM_QUEUES)[number];
}

export class NoticeListQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx: the notice list as an Excel workbook (names and ID numbers masked)' })
  @IsOptional() @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

/** G1: an employer files for a hire; an officer for a walk-in employer (employerId). */
/** Where the award is paid: 户名, 账号 (8–30 digits; spaces and full-width digits tolerated), 开户行. */
export class PayeeRequest {
  @ApiProperty({ example: '海南某某科技有限公司' }) @IsString() @MinLength(1) @MaxLength(100)
  payeeName: string;

  @ApiProperty({ example: '6228 4800 1234 5678 901' }) @IsString() @Matches(/^[\s\d０-９]{8,40}$/)
  account: string;

  @ApiProperty({ example: '中国农业银行海口分行' }) @IsString() @MinLength(1) @MaxLength(100)
  bankName: string;
}

export class FileClaimRequest {
  @ApiProperty({ example: '王小明' }) @IsString() @MinLength(1) @MaxLength(50)
  personName: string;

  @ApiProperty({ example: '460102200203041234' }) @IsResidentId()
  idNumber: string;

  @ApiProperty({ example: '2025-06-15', description: 'hire (contract start), Asia/Shanghai date' }) @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  hireDate: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2028-06-14', description: 'contract end; null: open-ended (无固定期限)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  contractEnd?: string | null;

  @ApiPropertyOptional({ description: '劳务派遣 (dispatch)' }) @IsOptional() @IsBoolean()
  dispatch?: boolean;

  @ApiPropertyOptional({ description: 'officers and administrators: the employer that claims' }) @IsOptional() @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '窗口代办' }) @IsOptional() @IsString() @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ type: PayeeRequest, description: 'where the award is paid (the employer’s account for G1)' })
  @IsOptional() @ValidateNested() @Type(() => PayeeRequest)
  payee?: PayeeRequest;
}

export class ConfirmClaimRequest {
  @ApiPropertyOptional({ nullable: true, type: String, example: '2028-06-14', description: 'contract end; null: open-ended' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true }) @Matches(DATE, { message: DATE_MESSAGE })
  contractEnd?: string | null;

  @ApiPropertyOptional({ description: '劳务派遣 (dispatch)' }) @IsOptional() @IsBoolean()
  dispatch?: boolean;

  @ApiPropertyOptional({ type: PayeeRequest, description: 'where the award is paid (the employer’s account)' })
  @IsOptional() @ValidateNested() @Type(() => PayeeRequest)
  payee?: PayeeRequest;
}

export class ReasonsRequest {
  @ApiProperty({ example: '社保缴费记录不足6个月', description: 'reasons in Chinese' }) @IsString() @MinLength(1) @MaxLength(2000)
  reasonsZh: string;

  @ApiPropertyOptional({ example: 'Fewer than 6 months of contributions' }) @IsOptional() @IsString() @MaxLength(2000)
  reasonsEn?: string;
}

export class ReviewRequest {
  @ApiProperty({ enum: ['pass', 'refuse'], description: 'the stage (county 初审 or city 复核) follows the claim' }) @IsIn(['pass', 'refuse'])
  decision: 'pass' | 'refuse';

  @ApiPropertyOptional({ description: 'required to refuse' }) @IsOptional() @IsString() @MaxLength(2000)
  reasonsZh?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  reasonsEn?: string;
}

export class ResolveRequest {
  @ApiProperty({ enum: ['uphold', 'dismiss'], description: 'objection: uphold refuses the claim, dismiss restarts the notice; appeal: uphold reopens county review, dismiss keeps the refusal' })
  @IsIn(['uphold', 'dismiss'])
  decision: 'uphold' | 'dismiss';

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  reasonsZh?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  reasonsEn?: string;
}

export class CheckResponse {
  @ApiProperty({ example: 'G1_WITHIN_TWO_YEARS' }) code: string;
  @ApiProperty() basis: string;
  @ApiProperty({ enum: ['pass', 'fail', 'unknown'] }) verdict: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class DecisionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['eligible', 'ineligible', 'needs_review'], description: 'the rule’s proposal: a refusal stands only when a person confirms it' }) outcome: string;
  @ApiProperty({ description: 'yuan' }) amount: number;
  @ApiProperty() ruleVersion: string;
  @ApiProperty({ nullable: true, type: String }) relevantDate: string | null;
  @ApiProperty({ type: [CheckResponse] }) checks: CheckResponse[];
  @ApiProperty({ type: [String] }) evidenceIds: string[];
  @ApiProperty() decidedAt: Date;
  @ApiProperty({ nullable: true, type: String, description: 'the person who confirmed a refusal' }) confirmedBy: string | null;
}

export class ClaimResponse {
  @ApiProperty() id: string;
  @ApiProperty() rule: string;
  @ApiProperty({ enum: CLAIM_STATUSES, enumName: 'ClaimStatus' }) status: ClaimStatus;
  @ApiProperty({ example: '县级初审' }) statusZh: string;
  @ApiProperty({ enum: ['applied', 'apply_free', 'officer'] }) origin: string;
  @ApiProperty() claimantKind: string;
  @ApiProperty({ nullable: true, type: String }) claimantId: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) personName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '460***********1234' }) personIdMasked: string | null;
  @ApiProperty({ nullable: true, type: String }) employerName: string | null;
  @ApiProperty({ nullable: true, type: String }) hireDate: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: open-ended or not stated' }) contractEnd: string | null;
  @ApiProperty({ nullable: true, type: Date, description: 'candidate claims: when offered to the employer to confirm' }) offeredAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty({ nullable: true, type: String }) countyReviewedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) cityReviewedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) noticeFrom: string | null;
  @ApiProperty({ nullable: true, type: String }) noticeUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) reasonsZh: string | null;
  @ApiProperty({ nullable: true, type: String }) reasonsEn: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ nullable: true, type: DecisionResponse }) decision: DecisionResponse | null;

  static of({ claim, decision, personIdMasked }: ClaimView): ClaimResponse {
    return Object.assign(new ClaimResponse(), {
      id: claim.id, rule: claim.rule, status: claim.status, statusZh: STATUS_ZH[claim.status], origin: claim.origin, claimantKind: claim.claimantKind,
      claimantId: claim.claimantId, regionCode: claim.regionCode, personName: claim.details.personName ?? null, personIdMasked,
      employerName: claim.details.employerName ?? null, hireDate: claim.details.hireDate ?? null, contractEnd: claim.details.contractEnd ?? null,
      offeredAt: claim.offeredAt, createdBy: claim.createdBy, countyReviewedBy: claim.countyReviewedBy, cityReviewedBy: claim.cityReviewedBy,
      noticeFrom: claim.noticeFrom, noticeUntil: claim.noticeUntil, reasonsZh: claim.reasonsZh, reasonsEn: claim.reasonsEn, createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
      decision: decision && {
        id: decision.id, outcome: decision.outcome, amount: Number(decision.amount), ruleVersion: decision.ruleVersion, relevantDate: decision.relevantDate,
        checks: decision.checks, evidenceIds: decision.evidenceIds, decidedAt: decision.decidedAt, confirmedBy: decision.confirmedBy,
      },
    });
  }
}

export class TransitionResponse {
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() event: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ description: 'claimant, officer, county_reviewer, city_reviewer, system, payments' }) capacity: string;
  @ApiProperty({ nullable: true, type: String }) reasonsZh: string | null;
  @ApiProperty({ nullable: true, type: String }) reasonsEn: string | null;
  @ApiProperty() at: Date;
}

export class EvidenceResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'social_insurance' }) port: string;
  @ApiProperty() source: string;
  @ApiProperty() fetchedAt: Date;
  @ApiProperty({ description: 'SHA-256 of the payload as received' }) payloadHash: string;
}

export class ClaimDetailResponse extends ClaimResponse {
  @ApiProperty({ type: [TransitionResponse] }) transitions: TransitionResponse[];
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceResponse[];

  static detail(view: ClaimDetail): ClaimDetailResponse {
    return Object.assign(new ClaimDetailResponse(), ClaimResponse.of(view), {
      transitions: view.transitions.map(({ fromStatus, toStatus, event, actorId, capacity, reasonsZh, reasonsEn, at }) => ({ fromStatus, toStatus, event, actorId, capacity, reasonsZh, reasonsEn, at })),
      evidence: view.evidence,
    });
  }
}

export class NoticeLineResponse {
  @ApiProperty() claimId: string;
  @ApiProperty() rule: string;
  @ApiProperty() itemZh: string;
  @ApiProperty() itemEn: string;
  @ApiProperty() claimant: string;
  @ApiProperty({ nullable: true, type: String, example: '王*明' }) personName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '460***********1234' }) personId: string | null;
  @ApiProperty() amount: number;
  @ApiProperty() noticeFrom: string;
  @ApiProperty() noticeUntil: string;
}

export class RecheckResponse {
  @ApiProperty({ description: 'candidate claims offered to their employers by this re-check' }) offered: number;
}
