import type { ClaimStatus } from '../persistence/subsidy-claim.entity';

/**
 * The claim workflow as a pure state machine (issue 19; policy.md section 1, workflow): who may move a claim from which
 * state to which, and the three-people rule. No I/O: the service (`ClaimsService`) loads the claim, asks `nextStatus`,
 * then writes the new state, its history row and the audit row in one transaction.
 *
 * Main path: candidate (免申即享, the platform opened it) or draft → submitted → auto_checked (the rule ran, its decision
 * stored with the evidence ids) → county_review (初审) → city_review (复核) → notice (公示, N working days) → approved
 * → paid (set by the payment side). Exits: refused (by a person, with reasons; never automatic) → appealed → back to
 * county review or refused again; objected during the notice → back to notice (objection dismissed) or refused
 * (objection upheld); payment_failed → paid (retried), paid → payment_failed (bounced by the bank); paid → recovered (追回); candidate or draft → withdrawn.
 */
export type ClaimEvent =
  | 'confirm' // the employer confirms a candidate claim the platform opened
  | 'submit'
  | 'auto_check'
  | 'queue_county'
  | 'county_pass'
  | 'city_pass'
  | 'notice_end'
  | 'object'
  | 'dismiss_objection'
  | 'uphold_objection'
  | 'refuse'
  | 'appeal'
  | 'reopen_appeal'
  | 'dismiss_appeal'
  | 'pay'
  | 'payment_failed'
  | 'recover'
  | 'withdraw';

/** In what capacity the actor acts: the service derives it from the role and the claim's region. */
export type ClaimCapacity = 'claimant' | 'officer' | 'county_reviewer' | 'city_reviewer' | 'system' | 'payments' | 'public';

export interface ClaimActor {
  /** The account; null for the system (scheduled jobs, outbox handlers). */
  userId: string | null;
  capacity: ClaimCapacity;
}

/** What the machine needs to know of a claim. */
export interface ClaimFlowState {
  status: ClaimStatus;
  /** Who created (or, for a candidate claim, confirmed) it. */
  createdBy: string | null;
  countyReviewedBy: string | null;
  cityReviewedBy: string | null;
  /** Last day of the public notice (Shanghai date), while in or after notice. */
  noticeUntil: string | null;
}

export interface ClaimMove {
  event: ClaimEvent;
  actor: ClaimActor;
  /** Shanghai date of the move (for the end of the notice). */
  today: string;
  /** Reasons, required for a refusal, an objection, an appeal and a recovery. */
  reasons?: { zh: string; en?: string } | null;
}

export type ClaimMoveResult =
  | { ok: true; to: ClaimStatus }
  | { ok: false; error: 'not_allowed'; from: ClaimStatus; event: ClaimEvent }
  | { ok: false; error: 'same_person'; role: 'county_reviewer' | 'city_reviewer' }
  | { ok: false; error: 'reasons_required' }
  | { ok: false; error: 'notice_running'; noticeUntil: string };

interface Edge {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  by: readonly ClaimCapacity[];
  reasons?: boolean;
}

/** Every allowed move. Reviewers may also do what an officer does for a walk-in (file, submit). */
export const CLAIM_EDGES: Record<ClaimEvent, Edge> = {
  confirm: { from: ['candidate'], to: 'submitted', by: ['claimant'] },
  submit: { from: ['draft'], to: 'submitted', by: ['claimant', 'officer', 'county_reviewer', 'city_reviewer'] },
  auto_check: { from: ['submitted'], to: 'auto_checked', by: ['system'] },
  queue_county: { from: ['auto_checked'], to: 'county_review', by: ['system'] },
  county_pass: { from: ['county_review'], to: 'city_review', by: ['county_reviewer'] },
  city_pass: { from: ['city_review'], to: 'notice', by: ['city_reviewer'] },
  notice_end: { from: ['notice'], to: 'approved', by: ['system', 'city_reviewer'] },
  object: { from: ['notice'], to: 'objected', by: ['public', 'claimant', 'officer', 'county_reviewer', 'city_reviewer'], reasons: true },
  dismiss_objection: { from: ['objected'], to: 'notice', by: ['city_reviewer'], reasons: true },
  uphold_objection: { from: ['objected'], to: 'refused', by: ['city_reviewer'], reasons: true },
  refuse: { from: ['county_review', 'city_review'], to: 'refused', by: ['county_reviewer', 'city_reviewer'], reasons: true },
  appeal: { from: ['refused'], to: 'appealed', by: ['claimant', 'officer'], reasons: true },
  reopen_appeal: { from: ['appealed'], to: 'county_review', by: ['city_reviewer'] },
  dismiss_appeal: { from: ['appealed'], to: 'refused', by: ['city_reviewer'], reasons: true },
  pay: { from: ['approved', 'payment_failed'], to: 'paid', by: ['payments'] },
  // A failure in the bank's return, or a payment the bank later sent back (退回): owed again until a retry pays it.
  payment_failed: { from: ['approved', 'paid'], to: 'payment_failed', by: ['payments'] },
  recover: { from: ['paid'], to: 'recovered', by: ['city_reviewer'], reasons: true },
  withdraw: { from: ['candidate', 'draft'], to: 'withdrawn', by: ['claimant', 'officer'] },
};

/** The states a claim can leave by the given event. */
export const statesFor = (event: ClaimEvent): readonly ClaimStatus[] => CLAIM_EDGES[event].from;

/**
 * The next status, or why not. The three-people rule (policy.md: creator, reviewer and approver are three different
 * people): the county reviewer is not the creator; the city reviewer is neither the creator nor the county reviewer;
 * whoever refuses or recovers in a reviewer's capacity is not the creator either. The notice ends only after its last
 * working day.
 */
export function nextStatus(state: ClaimFlowState, move: ClaimMove): ClaimMoveResult {
  const edge = CLAIM_EDGES[move.event];
  if (!edge.from.includes(state.status) || !edge.by.includes(move.actor.capacity)) {
    return { ok: false, error: 'not_allowed', from: state.status, event: move.event };
  }
  if (edge.reasons && !move.reasons?.zh?.trim()) return { ok: false, error: 'reasons_required' };
  const user = move.actor.userId;
  const reviewer = move.actor.capacity === 'county_reviewer' || move.actor.capacity === 'city_reviewer';
  if (reviewer && user !== null) {
    const role = move.actor.capacity as 'county_reviewer' | 'city_reviewer';
    if (user === state.createdBy) return { ok: false, error: 'same_person', role };
    if (move.event === 'city_pass' && user === state.countyReviewedBy) return { ok: false, error: 'same_person', role };
  }
  if (move.event === 'notice_end' && (state.noticeUntil === null || move.today <= state.noticeUntil)) {
    return { ok: false, error: 'notice_running', noticeUntil: state.noticeUntil ?? '' };
  }
  return { ok: true, to: edge.to };
}

/** States a claim is still live in (not finished one way or the other). */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'candidate', 'draft', 'submitted', 'auto_checked', 'county_review', 'city_review', 'notice', 'objected', 'appealed', 'approved', 'payment_failed',
];
