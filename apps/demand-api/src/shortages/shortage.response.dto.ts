import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BulkSubmitOutcome, isLive, REVIEW_DECISIONS, ReviewDecisionView, ReviewQueueItem, Shortage, ShortageTransition, SHORTAGE_STATUSES, URGENCIES, WORK_TYPES, ShortageStatus, SkillRequirement, StoredScreenResult,
} from '@app/employer-demand';
import { EDUCATION_CHOICES, Taxonomy } from '@app/taxonomy';
import { PAY_BASES, POLICY_DIRECTIONS } from './shortage.request.dto';
import type { ScreenFinding, ScreenResult, ScreenVerdict } from '@app/posting-screen';

const SCREEN_VERDICTS = ['PASS', 'WARN', 'REVIEW', 'BLOCK'] as const satisfies readonly ScreenVerdict[];

export class SkillRequirementResponse implements SkillRequirement {
  @ApiProperty({ example: '护理' }) name: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (五级/初级工) to 5 (一级/高级技师)' }) level: number;
}

export class ScreenFindingResponse implements Pick<ScreenFinding, 'field' | 'matchedText' | 'basis' | 'reasonZh' | 'reasonEn'> {
  @ApiProperty({ description: 'the rule (G1 … M2)' }) ruleCode: string;
  @ApiProperty({ enum: ['WARN', 'REVIEW', 'BLOCK'] }) verdict: string;
  @ApiProperty() field: string;
  @ApiProperty() matchedText: string;
  @ApiPropertyOptional() start?: number;
  @ApiPropertyOptional() end?: number;
  @ApiProperty() basis: string;
  @ApiProperty() reasonZh: string;
  @ApiProperty() reasonEn: string;
  @ApiPropertyOptional({ enum: ['flag', 'suspend'] }) employerAction?: string;
  @ApiPropertyOptional() modifierNote?: string;
}

/** A posting screen's verdict (POST /api/screen). */
export class ScreenResultResponse implements ScreenResult {
  @ApiProperty({ enum: SCREEN_VERDICTS, enumName: 'ScreenVerdict' }) verdict: ScreenVerdict;
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty({ type: [ScreenFindingResponse] }) findings: ScreenFinding[];
}

/** The screen verdict stored on a shortage. */
export class StoredScreenResultResponse implements StoredScreenResult {
  @ApiProperty({ enum: SCREEN_VERDICTS, enumName: 'ScreenVerdict' }) verdict: ScreenVerdict;
  @ApiProperty() ruleSetVersion: string;
  @ApiProperty() screenedAt: string;
  @ApiProperty({ type: [ScreenFindingResponse] }) findings: ScreenFindingResponse[];
}

export class ShortageTransitionResponse {
  @ApiPropertyOptional({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() at: Date;

  static of({ fromStatus, toStatus, reason, actorId, at }: ShortageTransition): ShortageTransitionResponse {
    return Object.assign(new ShortageTransitionResponse(), { fromStatus, toStatus, reason, actorId, at });
  }
}

/** A reviewer's decision on a posting held for review, with the verdict and the rule-set version it was made on. */
export class ReviewDecisionResponse {
  @ApiProperty({ enum: REVIEW_DECISIONS, enumName: 'ReviewDecisionKind' }) decision: string;
  @ApiProperty() reason: string;
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ enum: SCREEN_VERDICTS, enumName: 'ScreenVerdict', description: 'the verdict under review' }) verdict: string;
  @ApiProperty({ description: 'the posting-screen rule-set version that produced the verdict' }) ruleSetVersion: string;
  @ApiProperty({ type: [String] }) ruleCodes: string[];
  @ApiProperty() decidedAt: Date;

  static of({ decision, reason, reviewerId, reviewerName, verdict, ruleSetVersion, ruleCodes, decidedAt }: ReviewDecisionView): ReviewDecisionResponse {
    return Object.assign(new ReviewDecisionResponse(), { decision, reason, reviewerId, reviewerName, verdict, ruleSetVersion, ruleCodes, decidedAt });
  }
}

export class ShortageResponse {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty({ description: 'name of occupationCode in the 2022 classification, to show instead of the code', example: '中式烹调师' })
  occupationName: string;
  @ApiProperty() industryCode: string;
  @ApiProperty() headcount: number;
  @ApiProperty({ description: 'from recorded hires only' }) filledHeadcount: number;
  @ApiProperty() openPositions: number;
  @ApiProperty({ type: [SkillRequirementResponse] }) requiredSkills: SkillRequirementResponse[];
  @ApiProperty({ type: [SkillRequirementResponse] }) preferredSkills: SkillRequirementResponse[];
  @ApiProperty({ type: [String] }) requiredCertificates: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) minSkillLevel: number | null;
  @ApiPropertyOptional({ nullable: true, enum: EDUCATION_CHOICES, enumName: 'EducationLevel' }) education: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) experienceYears: number | null;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty({ enum: PAY_BASES, enumName: 'PayBasis' }) payBasis: string;
  @ApiProperty({ enum: WORK_TYPES, enumName: 'WorkType' }) workType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) shifts: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) lat: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) lng: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['point', 'township', 'district', 'city'], description: 'how precisely lat/lng are known (WGS-84)' })
  locationPrecision: string | null;
  @ApiProperty() startDate: string;
  @ApiProperty() deadline: string;
  @ApiPropertyOptional({ nullable: true, type: String }) trainingOffered: string | null;
  @ApiProperty() acceptsTrainees: boolean;
  @ApiProperty({ enum: URGENCIES, enumName: 'Urgency' }) urgency: string;
  @ApiProperty() openToDisabled: boolean;
  @ApiPropertyOptional({ nullable: true, enum: POLICY_DIRECTIONS, enumName: 'PolicyDirection' }) policyDirection: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SHORTAGE_STATUSES, enumName: 'ShortageStatus' }) status: ShortageStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) externalRef: string | null;
  @ApiPropertyOptional({ type: StoredScreenResultResponse, nullable: true, description: 'posting-screen verdict with rule codes, matched phrases and legal basis' })
  screenResult: StoredScreenResult | null;
  @ApiPropertyOptional({ nullable: true, type: String }) screenJustification: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) firstResponseAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'hours from logging to first response' }) responseHours: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: [ShortageTransitionResponse] }) transitions?: ShortageTransitionResponse[];
  @ApiPropertyOptional({ type: [ReviewDecisionResponse], description: 'reviewers’ decisions, oldest first (on the detail only)' })
  reviewDecisions?: ReviewDecisionResponse[];

  static of(shortage: Shortage, transitions?: ShortageTransition[], decisions?: ReviewDecisionView[]): ShortageResponse {
    const { employer: _employer, createdBy: _createdBy, ...fields } = shortage;
    return Object.assign(new ShortageResponse(), {
      ...fields,
      occupationName: Taxonomy.shared().occupation(shortage.occupationCode)?.name ?? shortage.occupationCode,
      openPositions: Math.max(0, shortage.headcount - shortage.filledHeadcount),
      responseHours: shortage.firstResponseAt
        ? Math.round(((shortage.firstResponseAt.getTime() - shortage.createdAt.getTime()) / 3_600_000) * 10) / 10
        : null,
      transitions: transitions?.map(ShortageTransitionResponse.of),
      reviewDecisions: decisions?.map(ReviewDecisionResponse.of),
    });
  }
}

export class BulkSubmitErrorResponse {
  @ApiProperty({ example: 'TRANSITION_NOT_ALLOWED' }) code: string;
  @ApiProperty({ description: 'in the request’s language' }) message: string;
}

/** One posting of a bulk submit. */
export class BulkSubmitItemResponse implements BulkSubmitOutcome {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null when the posting was not found' }) title: string | null;
  @ApiPropertyOptional({ nullable: true, enum: SHORTAGE_STATUSES, enumName: 'ShortageStatus', description: 'where the screen put it; null when not submitted' })
  status: ShortageStatus | null;
  @ApiPropertyOptional({ nullable: true, enum: SCREEN_VERDICTS, enumName: 'ScreenVerdict' }) verdict: ScreenVerdict | null;
  @ApiProperty({ type: [String], description: 'the rules the screen found (G1 … M2)' }) ruleCodes: string[];
  @ApiPropertyOptional({ nullable: true, type: BulkSubmitErrorResponse, description: 'why it was not submitted' }) error: BulkSubmitErrorResponse | null;
}

export class BulkSubmitResponse {
  @ApiProperty({ type: [BulkSubmitItemResponse] }) items: BulkSubmitItemResponse[];
  @ApiProperty({ description: 'published (open) now' }) published: number;
  @ApiProperty({ description: 'waiting for a reviewer' }) held: number;
  @ApiProperty({ description: 'blocked by the screen, back in draft' }) blocked: number;
  @ApiProperty({ description: 'not submitted (see each item’s error)' }) failed: number;

  static of(items: BulkSubmitOutcome[]): BulkSubmitResponse {
    return Object.assign(new BulkSubmitResponse(), {
      items,
      published: items.filter((i) => i.status !== null && isLive(i.status)).length,
      held: items.filter((i) => i.status === 'screening').length,
      blocked: items.filter((i) => i.verdict === 'BLOCK').length,
      failed: items.filter((i) => i.error).length,
    });
  }
}

/** A posting in the review queue: what the screen found (rule, matched words, law) and how long it has waited. */
export class ReviewQueueItemResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: StoredScreenResultResponse }) screenResult: StoredScreenResultResponse;
  @ApiProperty({ description: 'when the screen held the posting for review' }) heldSince: Date;

  static of({ shortage, employerName, heldSince }: ReviewQueueItem): ReviewQueueItemResponse {
    const { id, title, employerId, occupationCode, regionCode, screenResult } = shortage;
    return Object.assign(new ReviewQueueItemResponse(), { id, title, employerId, employerName, occupationCode, regionCode, screenResult, heldSince });
  }
}
