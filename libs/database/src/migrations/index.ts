import { Initial1795582496493 } from './1795582496493-initial';
import { AuditLogAppendOnly1795582500000 } from './1795582500000-audit-log-append-only';
import { EmployerDemand1795586177665 } from './1795586177665-employer-demand';
import { ImportJobs1795586426474 } from './1795586426474-import-jobs';
import { Applications1795586494875 } from './1795586494875-applications';
import { SearchDocuments1795586803706 } from './1795586803706-search-documents';
import { OutboxProcessed1795587586195 } from './1795587586195-outbox-processed';
import { MatchingAndNotifications1796486062827 } from './1796486062827-matching-and-notifications';
import { RecruitmentEvents1796487945583 } from './1796487945583-recruitment-events';
import { EventNotices1796495631858 } from './1796495631858-event-notices';
import { LocationPrecision1797000000001 } from './1797000000001-location-precision';
import { DemoState1797000000050 } from './1797000000050-demo-state';
import { ImportLocations1797000000060 } from './1797000000060-import-locations';
import { ImportRequestsInOutbox1797000000090 } from './1797000000090-import-requests-in-outbox';
import { EventStationDay1797000000095 } from './1797000000095-event-station-day';
import { StationEmployerLocation1797000000098 } from './1797000000098-station-employer-location';
import { PostingReview1798000005000 } from './1798000005000-posting-review';
import { EventsWorthHolding1798000006000 } from './1798000006000-events-worth-holding';
import { SubsidyClaimWorkflow1799000300000 } from './1799000300000-subsidy-claim-workflow';
import { Subsidies1798000007000 } from './1798000007000-subsidies';
import { PolicyDirectionCodes1799000500000 } from './1799000500000-policy-direction-codes';
import { DevelopmentPlan1799000510000 } from './1799000510000-development-plan';
import { WarningSignals1799150000000 } from './1799150000000-warning-signals';
import { PaymentInstalmentDue1799160000000 } from './1799160000000-payment-instalment-due';
import { SearchTextStatistics1799200000000 } from './1799200000000-search-text-statistics';
import { EarlyWarning1799000600000 } from './1799000600000-early-warning';
import { ApplicationSms1799000700000 } from './1799000700000-application-sms';
import { AccountSecurity1799000800000 } from './1799000800000-account-security';
import { SeekerProfileHistory1799000810000 } from './1799000810000-seeker-profile-history';
import { MatchCandidateWithoutSeekerKey1799110000000 } from './1799110000000-match-candidate-without-seeker-key';
import { MatchCandidateUnlogged1799110000010 } from './1799110000010-match-candidate-unlogged';
import { WorkReliefLedger1799140000000 } from './1799140000000-work-relief-ledger';
import { MatchCandidateJsonExplanation1799190000000 } from './1799190000000-match-candidate-json-explanation';
import { MatchResultJsonExplanation1799220000000 } from './1799220000000-match-result-json-explanation';
import { EventEmployerShortagesIndex1799230000000 } from './1799230000000-event-employer-shortages-index';
import { MatchPairsErasedWithSeeker1799240000000 } from './1799240000000-match-pairs-erased-with-seeker';
import { ShortageMediumGroupIndex1799240000010 } from './1799240000010-shortage-medium-group-index';
import { MatchRunShardReferrals1799190000010 } from './1799190000010-match-run-shard-referrals';
import { SubsidyPaymentsFraud1799000400000 } from './1799000400000-subsidy-payments-fraud';
import { SearchDocumentKeys1799180000000 } from './1799180000000-search-document-keys';

/** Every migration, in order. Generate with `npm run cli -- db:migration <Name>`, review, then list it here. */
export const MIGRATIONS = [
  Initial1795582496493,
  AuditLogAppendOnly1795582500000,
  EmployerDemand1795586177665,
  ImportJobs1795586426474,
  Applications1795586494875,
  SearchDocuments1795586803706,
  OutboxProcessed1795587586195,
  MatchingAndNotifications1796486062827,
  RecruitmentEvents1796487945583,
  EventNotices1796495631858,
  LocationPrecision1797000000001,
  DemoState1797000000050,
  ImportLocations1797000000060,
  ImportRequestsInOutbox1797000000090,
  EventStationDay1797000000095,
  StationEmployerLocation1797000000098,
  PostingReview1798000005000,
  EventsWorthHolding1798000006000,
  Subsidies1798000007000,
  PolicyDirectionCodes1799000500000,
  DevelopmentPlan1799000510000,
  EarlyWarning1799000600000,
  ApplicationSms1799000700000,
  AccountSecurity1799000800000,
  SeekerProfileHistory1799000810000,
  MatchCandidateWithoutSeekerKey1799110000000,
  MatchCandidateUnlogged1799110000010,
  WorkReliefLedger1799140000000,
  SubsidyClaimWorkflow1799000300000,
  SubsidyPaymentsFraud1799000400000,
  WarningSignals1799150000000,
  PaymentInstalmentDue1799160000000,
  SearchDocumentKeys1799180000000,
  MatchCandidateJsonExplanation1799190000000,
  MatchRunShardReferrals1799190000010,
  SearchTextStatistics1799200000000,
  MatchResultJsonExplanation1799220000000,
  EventEmployerShortagesIndex1799230000000,
  MatchPairsErasedWithSeeker1799240000000,
  ShortageMediumGroupIndex1799240000010,
];
