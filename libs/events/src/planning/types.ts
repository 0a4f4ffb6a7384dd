/** Plain inputs and outputs of recruitment-event planning: no entities, no I/O. */

export type PlanningUrgency = 'normal' | 'urgent' | 'critical';

/** A station (就业驿站, 零工市场, 人力资源市场) that can host an event. */
export interface PlanningStation {
  id: string;
  regionCode: string;
  lat: number;
  lng: number;
  /** People at once: the most invitees an event there can take. */
  capacity: number;
  /** Employer booths: the most employers an event there can take. */
  booths: number;
  /** ISO dates (YYYY-MM-DD) on which the station already holds an event. */
  busyDates: readonly string[];
  /** Days the station can host events, 0 = Sunday … 6 = Saturday; every day when absent. */
  openWeekdays?: readonly number[];
}

/** One seeker the matcher ranked for a shortage. */
export interface PlanningCandidate {
  seekerId: string;
  /** Match score, 0–1. */
  score: number;
  /** Where the seeker lives. */
  lat: number;
  lng: number;
  /** How far the seeker will travel, to an event as to a job. */
  travelRadiusKm: number;
  /** Belongs to one of the policy's priority groups (重点群体). */
  priorityGroup: boolean;
}

/** An open shortage with the matcher's ranked candidates. */
export interface UnmetShortage {
  id: string;
  employerId: string;
  /** Detailed (level-4) code, e.g. '4-10-01-05'. */
  occupationCode: string;
  /** Display name of the occupation, for reasons (养老护理员); the code is used when absent. */
  occupationName?: string;
  regionCode: string;
  /**
   * Where the demand is. A shortage without coordinates is placed by the caller where its region is served (a
   * station of its county, else the county seat) and marked `locatedBy: 'region'`; its events say so.
   */
  lat: number;
  lng: number;
  locatedBy?: 'point' | 'region';
  /** Headcount still to fill. */
  openHeadcount: number;
  /** Candidates scoring at least the strong-score threshold, as counted by the matcher. */
  strongCandidates: number;
  urgency: PlanningUrgency;
  /** ISO date. */
  deadline: string;
  candidates: readonly PlanningCandidate[];
}

/** Seeker id → ISO dates on which the seeker is already invited to an event. */
export type SeekerBusyDates = ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;

export interface PlanningOptions {
  /** ISO date of today in Asia/Shanghai. */
  today: string;
  /** Days between today and the earliest event (time to invite people). Default 3. */
  leadTimeDays?: number;
  /** Events fall on days today + leadTimeDays … today + horizonDays - 1. Default 90. */
  horizonDays?: number;
  /** An event takes employers whose shortage is within this distance of the station. Default 30. */
  catchmentKm?: number;
  /** Clusters with less open headcount than this get no event. Default 3. */
  minClusterHeadcount?: number;
  /** A candidate at or above this score counts as strong. Default 0.7. */
  strongScore?: number;
  /** A shortage is unmet when it has fewer strong candidates than this many per open position. Default 2. */
  strongPerOpening?: number;
  /** A shortage whose deadline is at most this many days away (or past) is unmet. Default 14. */
  deadlineSoonDays?: number;
  /** Expected share of invitees who come. Default 0.4. */
  attendanceRate?: number;
  /** Least share of invitations kept for priority-group seekers while there are such candidates. Default 0.3. */
  priorityShare?: number;
  /** Invitations per open position (one fills the position, the rest allow for no-shows). Default 1 / attendanceRate. */
  maxInviteesPerEmployerSeat?: number;
  /** Occupation family (minor group, '4-10-01') → display name, for reasons. */
  familyNames?: Readonly<Record<string, string>>;
  /** An event at a venue needs at least this many employers, and a live stream too. Default 3. */
  minEmployers?: number;
  /** An event at a venue needs at least this many expected attendees (invitees times the attendance rate). Default 15. */
  minExpectedAttendance?: number;
  /** Most events (venue or live stream, planned and already held) per station per week (Monday to Sunday). Default 2. */
  maxEventsPerStationWeek?: number;
}

export interface EventInvitee {
  seekerId: string;
  score: number;
  priorityGroup: boolean;
  /** The shortage the seeker is invited for. */
  shortageId: string;
}

export interface PlanningReason {
  code: PlanningReasonCode;
  zh: string;
  en: string;
}

export type PlanningReasonCode =
  | 'DEMAND_GAP'
  | 'FEW_STRONG_CANDIDATES'
  | 'URGENT_DEMAND'
  | 'DEADLINE_NEAR'
  | 'STATION_NEAR_DEMAND'
  | 'STATION_ROOM'
  | 'EARLIEST_FREE_DATE'
  | 'INVITEES'
  | 'PRIORITY_GROUPS'
  | 'LOCATED_BY_REGION'
  | 'GENERAL_FAIR'
  | 'LIVE_STREAM'
  /** Added after planning: part of the proposal's demand expired, filled or closed and was removed. */
  | 'DEMAND_CHANGED'
  /** Added after planning: the station changed (hours, capacity, closure) and the event was moved. */
  | 'STATION_CHANGED'
  /** Added by the staff: proposals merged into this one (a 综合招聘会 when it covers several occupation families). */
  | 'MERGED_BY_STAFF';

/**
 * 专场招聘会 (one occupation family at a venue), 综合招聘会 (several families at a venue, merged from one
 * station's week) or 直播带岗 (a live stream from a station, for demand too thin for a venue).
 */
export const EVENT_KINDS = ['specialised_fair', 'general_fair', 'live_stream'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One proposed recruitment event. */
export interface EventProposal {
  kind: EventKind;
  stationId: string;
  /** ISO date. */
  date: string;
  /** Minor group, e.g. '4-10-01': the family with the most open positions. */
  occupationFamily: string;
  /** Every family of the event, sorted (one for a 专场招聘会). */
  occupationFamilies: string[];
  shortageIds: string[];
  employerIds: string[];
  /** Best first within each shortage. */
  invitees: EventInvitee[];
  /** Open positions for which an invitee who matches is put in front of the employer (one invitee per position). */
  headcountAddressed: number;
  /** Invitees times the attendance rate, rounded. */
  expectedAttendance: number;
  reasons: PlanningReason[];
}

/** Why a shortage went to direct referral instead of an event. */
export type ReferralCause = 'below_minimums' | 'no_event';

/** 直接推荐: an unmet shortage too small for any event; its best candidates are sent to the employer. */
export interface DirectReferral {
  shortageId: string;
  employerId: string;
  /** Best first. */
  seekerIds: string[];
  cause: ReferralCause;
}

/** Events worth holding, and the demand too small for one. */
export interface RecruitmentPlan {
  proposals: EventProposal[];
  referrals: DirectReferral[];
}
