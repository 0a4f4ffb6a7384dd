import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CandidateView, DEFAULT_MATCH_WEIGHTS, EmptyReason, EmptyReasonCode, FactorContribution, MATCH_DECISIONS, MATCH_RUN_STATUSES, MatchDecisionKind, MatchExplanationRecord, MatchGap,
  MatchReason, MatchRunProgress, MatchRunStatus, MatchRunTrigger, MatchWeights, RecommendationView, ReferralView,
} from '@app/matching';

/** The response DTOs of matching (candidates, recommendations, referrals, runs), shared by demand-api and seeker-api. */

export class MatchFactorResponse implements FactorContribution {
  @ApiProperty({ enum: Object.keys(DEFAULT_MATCH_WEIGHTS), enumName: 'MatchFactor' }) factor: keyof MatchWeights;
  @ApiProperty() value: number;
  @ApiProperty() weight: number;
  @ApiProperty({ description: 'points of the 0..100 score this factor gives' }) contribution: number;
}

export class MatchReasonResponse implements MatchReason {
  @ApiProperty() code: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
  @ApiProperty({ enum: ['fit', 'gap', 'info'] }) kind: MatchReason['kind'];
}

export class MatchGapResponse implements MatchGap {
  @ApiProperty({ enum: ['skill', 'certificate'] }) kind: MatchGap['kind'];
  @ApiProperty() name: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() requiredLevel?: number;
  @ApiPropertyOptional() heldLevel?: number;
}

export class MatchExplanationResponse implements MatchExplanationRecord {
  @ApiProperty({ type: [MatchFactorResponse] }) factors: MatchFactorResponse[];
  @ApiProperty({ type: [MatchReasonResponse] }) reasons: MatchReasonResponse[];
  @ApiProperty({ type: [MatchGapResponse] }) gaps: MatchGapResponse[];
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiPropertyOptional({ enum: ['measured', 'estimated', 'region'], description: "'estimated' when a side's location is a centroid" })
  distanceBasis?: 'measured' | 'estimated' | 'region';
}

const EMPTY_REASON_CODES = [
  'matching_pending', 'shortage_not_open', 'location_missing', 'none_in_reach', 'none_eligible', 'all_taken', 'none_sent',
] as const satisfies readonly EmptyReasonCode[];

export class EmptyReasonParamsResponse {
  @ApiPropertyOptional() inReach?: number;
  @ApiPropertyOptional() nearFit?: number;
  @ApiPropertyOptional() regionOnly?: boolean;
}

export class EmptyReasonResponse implements EmptyReason {
  @ApiProperty({ enum: EMPTY_REASON_CODES, enumName: 'EmptyReasonCode' }) code: EmptyReasonCode;
  @ApiProperty({ type: EmptyReasonParamsResponse }) params: EmptyReasonParamsResponse;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class CandidateResponse implements CandidateView {
  @ApiProperty() rank: number;
  @ApiProperty() seekerId: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: Number, nullable: true }) skillLevel: number | null;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ['proposed', 'sent'] }) status: 'proposed' | 'sent';
  @ApiProperty({ type: MatchExplanationResponse }) explanation: MatchExplanationResponse;
}

export class CandidatePage {
  @ApiProperty({ type: String, nullable: true, description: 'the match version read; null before any complete run' }) runId: string | null;
  @ApiProperty({ type: [CandidateResponse] }) items: CandidateResponse[];
  @ApiProperty() total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiPropertyOptional({ type: EmptyReasonResponse, description: 'why an empty first page is empty' }) emptyReason?: EmptyReasonResponse;
}

export class CandidateDecisionResponse {
  @ApiProperty() shortageId: string;
  @ApiProperty() seekerId: string;
  @ApiProperty({ enum: MATCH_DECISIONS, enumName: 'MatchDecision' }) decision: MatchDecisionKind;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
  @ApiProperty() decidedAt: Date;
}

export class RecommendationResponse implements RecommendationView {
  @ApiProperty() shortageId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() wageMin: number;
  @ApiProperty() wageMax: number;
  @ApiProperty() workType: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: MatchExplanationResponse }) explanation: MatchExplanationResponse;
}

export class RecommendationPage {
  @ApiProperty({ type: String, nullable: true }) runId: string | null;
  @ApiProperty({ type: [RecommendationResponse] }) items: RecommendationResponse[];
  @ApiProperty() total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiPropertyOptional({ type: EmptyReasonResponse }) emptyReason?: EmptyReasonResponse;
}

export class ReferralResponse implements ReferralView {
  @ApiProperty() shortageId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: String, nullable: true }) trainingOffered: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: [MatchGapResponse] }) gaps: MatchGapResponse[];
}

export class ReferralList {
  @ApiProperty({ type: [ReferralResponse] }) items: ReferralResponse[];
}

export class NotInterestedResponse {
  @ApiProperty() shortageId: string;
  @ApiProperty({ enum: MATCH_DECISIONS, enumName: 'MatchDecision' }) decision: MatchDecisionKind;
  @ApiProperty() decidedAt: Date;
}

export class MatchRunResponse implements MatchRunProgress {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MATCH_RUN_STATUSES, enumName: 'MatchRunStatus' }) status: MatchRunStatus;
  @ApiProperty({ enum: ['nightly', 'admin', 'startup', 'baseline'] satisfies MatchRunTrigger[] }) trigger: MatchRunTrigger;
  @ApiProperty() shardsTotal: number;
  @ApiProperty() shardsDone: number;
  @ApiProperty() shortagesScored: number;
  @ApiProperty() pairsScored: number;
  @ApiProperty() recommendations: number;
  @ApiProperty() referrals: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export class NotificationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'what happened, e.g. candidate_sent, application_status' }) kind: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() bodyZh: string;
  @ApiProperty() bodyEn: string;
  @ApiProperty({ type: String, nullable: true, description: 'a console path to open' }) link: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
}
