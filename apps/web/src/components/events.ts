export interface EventItem {
  id: string;
  title: string;
  type: string;
  typeName: string;
  status: string;
  statusName: string;
  origin: string;
  date: string;
  startsAt: string;
  endsAt: string;
  station: { id: string; name: string; type: string; regionCode: string; address: string };
  occupationFamily: string | null;
  capacity: number;
  registered: number;
  placesLeft: number;
  headcountAddressed: number;
  expectedAttendance: number;
  reasons: { code?: string; zh: string; en: string }[];
  description?: string;
  streamUrl: string | null;
  rejectionReason: string | null;
  employers: { employerId: string; name: string; booth: string | null; shortageIds: string[]; invitationStatus: string }[];
  invitees?: number;
  /** Seekers only: their own place on the event (invited, registered …), null when none. */
  myStatus?: string | null;
}

export const EVENT_STATUS_COLOR: Record<string, string> = {
  proposed: 'blue', accepted: 'cyan', published: 'green', completed: 'default', rejected: 'red', cancelled: 'red',
};

/** The stages of an outcome at an event, in order: an outcome only moves forward. */
export const OUTCOME_STAGES = ['talked', 'intention', 'interview', 'offer', 'hire'];

/** One seeker × shortage outcome at an event (GET /api/events/:id/outcomes). */
export interface EventOutcome {
  id: string;
  seekerId: string;
  shortageId: string;
  employerName: string;
  seekerName: string;
  shortageTitle: string;
  stage: string;
  history: { stage: string; at: string }[];
}
