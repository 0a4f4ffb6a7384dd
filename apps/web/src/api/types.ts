/**
 * Short names for the API's shapes, all derived from the generated schema (schema.ts): nothing here is declared by
 * hand, so a field the API drops or renames breaks `npm run typecheck` wherever the console reads it.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type ErrorResponse = Schemas['ErrorResponse'];
export type Principal = Schemas['PrincipalResponse'];
export type Role = Principal['role'];
export type LoginResponse = Schemas['LoginResponse'];
export type User = Schemas['UserResponse'];
export type UserInput = Schemas['CreateUserRequest'];
export type UserUpdate = Schemas['UpdateUserRequest'];
export type UserPage = Schemas['UserPage'];

export type Employer = Schemas['EmployerResponse'];
export type EmployerPage = Schemas['EmployerPage'];
export type Pairing = Schemas['PairingResponse'];
export type OfficerWorkload = Schemas['OfficerWorkloadResponse'];
export type Shortage = Schemas['ShortageResponse'];
export type ShortagePage = Schemas['ShortagePage'];
export type ShortageInput = Schemas['CreateShortageRequest'];
export type ShortageUpdate = Schemas['UpdateShortageRequest'];
export type ScreenResult = Schemas['ScreenResultResponse'];
export type StoredScreenResult = Schemas['StoredScreenResultResponse'];
export type ScreenFinding = Schemas['ScreenFindingResponse'];
export type ReviewQueueItem = Schemas['ReviewQueueItemResponse'];
export type ReviewDecision = Schemas['ReviewDecisionResponse'];
export type ReviewDecisionKind = Schemas['ReviewDecisionKind'];
export type ImportReport = Schemas['ImportReportResponse'];
export type ImportJob = Schemas['ImportJobResponse'];

export type DemandSummary = Schemas['DemandSummaryResponse'];
export type DemandGroup = Schemas['DemandGroupResponse'];
export type TrainingNeed = Schemas['TrainingNeedResponse'];
export type TrainingNeedList = Schemas['TrainingNeedList'];
export type Outcomes = Schemas['OutcomesResponse'];
export type AuditLogPage = Schemas['AuditLogPage'];
export type AuditLogEntry = Schemas['AuditLogResponse'];

export type MatchExplanation = Schemas['MatchExplanationResponse'];
export type EmptyReason = Schemas['EmptyReasonResponse'];
export type Candidate = Schemas['CandidateResponse'];
export type CandidatePage = Schemas['CandidatePage'];
export type MatchRun = Schemas['MatchRunResponse'];
export type MatchRunPage = Schemas['MatchRunPage'];
export type Notification = Schemas['NotificationResponse'];
export type NotificationPage = Schemas['NotificationPage'];
export type Recommendation = Schemas['RecommendationResponse'];
export type RecommendationPage = Schemas['RecommendationPage'];
export type Referral = Schemas['ReferralResponse'];
export type ReferralList = Schemas['ReferralList'];

export type TaxonomyNode = Schemas['TaxonomyNodeResponse'];
export type TaxonomyNodeList = Schemas['TaxonomyNodeList'];
export type OccupationSuggestionList = Schemas['OccupationSuggestionList'];
export type Certificate = Schemas['CertificateResponse'];
export type CertificateList = Schemas['CertificateList'];
export type CanonicalSkill = Schemas['CanonicalSkillResponse'];
export type RegionNode = Schemas['RegionNodeResponse'];
export type RegionNodeList = Schemas['RegionNodeList'];
export type GeocodeAnswer = Schemas['GeocodeResponse'];
export type TownshipList = Schemas['TownshipList'];

export type Seeker = Schemas['SeekerResponse'];
export type SeekerRegistration = Schemas['SelfRegistrationRequest'];
export type SeekerUpdate = Schemas['UpdateSeekerProfileRequest'];
export type Application = Schemas['ApplicationResponse'];
export type ApplicationStatus = Schemas['ApplicationStatus'];
export type ApplicationPage = Schemas['ApplicationPage'];
export type JobSearch = Schemas['JobSearchResponse'];
export type JobPage = Schemas['JobPageResponse'];
export type BulkSubmitResult = Schemas['BulkSubmitResponse'];
export type JobHit = Schemas['JobHitResponse'];
export type SeekerSearch = Schemas['SeekerSearchResponse'];
export type SeekerHit = Schemas['SeekerHitResponse'];

export type Station = Schemas['StationResponse'];
export type StationPage = Schemas['StationPage'];
export type StationStaffList = Schemas['StationStaffList'];
export type StationStaffMember = Schemas['StationStaffMemberResponse'];
export type EventItem = Schemas['EventResponse'];
export type EventPage = Schemas['EventPage'];
export type EventUpdate = Schemas['UpdateEventRequest'];
export type OutcomeInput = Schemas['RecordOutcomeRequest'];
export type EventOutcome = Schemas['OutcomeResponse'];
export type OutcomeStage = Schemas['OutcomeStage'];
export type EventOutcomePage = Schemas['OutcomePage'];
export type Attendee = Schemas['AttendeeResponse'];
export type AttendeePage = Schemas['AttendeePage'];
export type Registration = Schemas['RegistrationResponse'];
export type CheckIn = Schemas['CheckInResponse'];
export type CheckInInput = Schemas['CheckInRequest'];
export type Invitation = Schemas['InvitationResponse'];
export type InvitationList = Schemas['InvitationList'];
export type InvitationAnswer = Schemas['InvitationAnswerResponse'];
export type EventReport = Schemas['EventReportResponse'];

export { userResponseRoleValues as roleValues } from './schema';
export { createStationRequestTypeValues as stationTypeValues, seekerResponseWorkTypesValues as workTypeValues } from './schema';
export {
  attendeeStatusValues, educationLevelValues, eventStatusValues, outcomeStageValues, policyDirectionValues, reviewDecisionKindValues, ruleCodeValues,
  shortageStatusValues,
} from './schema';

import type { paths } from './schema';
/** GET /api/jobs/search's query (the seeker's filters). */
export type JobSearchQuery = NonNullable<paths['/api/jobs/search']['get']['parameters']['query']>;
/** A seeker's own profile as read (GET /api/seekers/me) and the home township a form may send with it. */
export type SeekerProfile = Schemas['SeekerResponse'] & Pick<Schemas['UpdateSeekerProfileRequest'], 'townshipCode'>;
export type InvitationsSent = Schemas['InvitationsSentResponse'];

export type PlanIndicator = Schemas['PlanIndicatorResponse'];
export type PlanFigure = Schemas['PlanFigureResponse'];
export type PlanReport = Schemas['PlanReportResponse'];
export type PlanCompiledRow = Schemas['PlanCompiledRowResponse'];
export type PlanIndicatorCode = Schemas['PlanTargetRequest']['indicator'];
export type WorkReliefProject = Schemas['WorkReliefProjectResponse'];
export type JobImpactEstimate = Schemas['JobImpactEstimateResponse'];

export { acknowledgeRequestDepartmentValues as departmentValues, layoffReportRequestGroundValues as layoffGroundValues } from './schema';

export type WarningAlert = Schemas['AlertResponse'];
export type WarningAlertDetail = Schemas['AlertDetailResponse'];
export type WarningCase = Schemas['CaseResponse'];
export type LayoffReport = Schemas['LayoffReportResponse'];
export type LayoffReportInput = Schemas['LayoffReportRequest'];
export type FirmReportInput = Schemas['FirmReportRequest'];
export type FirmReport = Schemas['FirmReportResponse'];

export type SubsidyClaim = Schemas['ClaimResponse'];
export type SubsidyClaimDetail = Schemas['ClaimDetailResponse'];
export type SubsidyCheck = Schemas['CheckResponse'];
export type NoticeLine = Schemas['NoticeLineResponse'];
export type PaymentBatch = Schemas['PaymentBatchResponse'];
export type ReturnImportReport = Schemas['ReturnImportResponse'];
export type FundLedgerLine = Schemas['FundLedgerLineResponse'];
export type SuspiciousCase = Schemas['SuspiciousCaseResponse'];
