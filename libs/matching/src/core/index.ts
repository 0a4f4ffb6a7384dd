export * from './types';
export * from './weights';
export { R as REASON, REASONS, EDUCATION_ORDER, gapsOf, isCompactExplanation, reasonCount, renderExplanation, renderFactors, renderGaps, renderReasons } from './reasons';
export { ExplanationLog, LOG_HEADER } from './explanation-log';
export type { CompactExplanation, CompactGap, FactorContribution, MatchExplanation, MatchExplanationRecord, MatchGap, MatchNames, MatchReason, ParamKinds, ReasonParams } from './reasons';
export { distanceKm, occupationFamily, occupationLevels, REACH_FACTOR, regionRelation, REGION_OTHER, REGION_SAME_CITY, REGION_SAME_COUNTY, PRECISION_SLACK_KM, skillKey, skillMet } from './primitives';
export { MatchVocabulary, Interner } from './vocabulary';
export {
  clusterSeekers,
  localityOrder,
  compileSeekers,
  compileShortages,
  seekerLists,
  ScoringKernel,
  FLAG_ELIGIBLE,
  FLAG_IN_REACH,
  FLAG_NEAR_FIT,
  FLAG_REACHABLE,
  ROW,
  HEADER,
} from './compiled';
export type { CompiledSeekers, CompiledShortages, SeekerLists } from './compiled';
export { buildCandidateIndex, candidatesFor, candidatesForCompiled, candidateIds, DEFAULT_MAX_CANDIDATES, CELL_DEGREES } from './candidates';
export type { CandidateIndex, CandidateOptions, CandidateResult } from './candidates';
export {
  allocate,
  allocateCompact,
  blockingEdges,
  blockingEdgesCompact,
  buildAllocationProblem,
  findBlockingPairs,
  ranksOf,
  shortlistCapacity,
  totalScore,
  DEFAULT_SEEKER_CAPACITY,
  DEFAULT_SHORTLIST_FACTOR,
} from './allocation';
export type { Allocation, AllocationOptions, AllocationProblem, BlockingPair, CompactAllocation, IndexedAllocationProblem, ShortageCandidates } from './allocation';
export { fitCounts } from './fit-counts';
export type { FitCounts } from './fit-counts';
export { trainingReferrals, aggregateTrainingDemand } from './referrals';
export type { ExplainedPair, NearFitReferral, TrainingDemandRow } from './referrals';
