import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { adminRegion, Principal, regionPrefix, regionWithin } from '@app/auth';
import { Clock, shanghaiDate } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { EmployerReads } from '@app/employer-demand';
import { AppError, OutOfScopeError } from '@app/errors';
import { maskResidentId } from '@app/identifiers';
import { SeekerReads } from '@app/seeker-pool';
import { DEFAULT_PARAMETERS, decideGraduateHiring, Decision, EmployerKind, EmployerSize, graduateHiringFraudFacts, GraduateHiringFacts, ParameterBook } from '../core';
import { FraudChecksService } from '../fraud/fraud-checks.service';
import { PayeeInput, SubsidyPayees } from '../payments/payees.service';
import { gatherGraduateHiring } from '../evidence';
import { noticePeriod, NoticeLine, RULE_NAMES } from '../notice';
import { SubsidyClaimTransition } from '../persistence/claim-transition.entity';
import { ClaimStatus, SubsidyClaim } from '../persistence/subsidy-claim.entity';
import { SubsidyDecision } from '../persistence/subsidy-decision.entity';
import { SubsidyRecordsService } from '../persistence/subsidy-records.service';
import { ClaimEvidence } from './claim-evidence';
import { CLAIM_EDGES, ClaimActor, ClaimCapacity, ClaimEvent, ClaimMoveResult, nextStatus, statesFor } from './claim-flow';

/** Chinese names of the states and actions, for messages. */
export const STATUS_ZH: Record<ClaimStatus, string> = {
  candidate: '待确认（免申即享）', draft: '草稿', submitted: '已提交', auto_checked: '已自动核验', county_review: '县级初审', city_review: '市级复核',
  notice: '公示中', approved: '已审定', paid: '已发放', refused: '不予通过', appealed: '申诉中', objected: '公示异议', payment_failed: '发放失败',
  recovered: '已追回', withdrawn: '已撤回',
};
const ACTION_ZH: Record<ClaimEvent, string> = {
  confirm: '确认申领', submit: '提交', auto_check: '自动核验', queue_county: '转初审', county_pass: '初审通过', city_pass: '复核通过', notice_end: '公示期满审定',
  object: '提出异议', dismiss_objection: '异议不成立', uphold_objection: '异议成立', refuse: '不予通过', appeal: '申诉', reopen_appeal: '申诉受理重审',
  dismiss_appeal: '驳回申诉', pay: '发放', payment_failed: '发放失败', recover: '追回', withdraw: '撤回',
};
const ROLE_ZH = { county_reviewer: '初审人', city_reviewer: '复核人' } as const;

/** The states in each reviewer queue. */
const QUEUES: Record<NonNullable<ClaimFilter['queue']>, ClaimStatus[]> = {
  county: ['county_review'],
  city: ['city_review', 'objected', 'appealed'],
  notice: ['notice'],
  candidates: ['candidate'],
};

/** Events a reviewer takes at the city stage (复核, notice, appeals, recovery). */
const CITY_EVENTS: readonly ClaimEvent[] = ['city_pass', 'notice_end', 'dismiss_objection', 'uphold_objection', 'reopen_appeal', 'dismiss_appeal', 'recover'];

export interface FileClaimInput {
  /** G1 only for now: the person hired, the hire and the contract. */
  personName: string;
  idNumber: string;
  hireDate: string;
  contractEnd?: string | null;
  dispatch?: boolean;
  /** Officers filing for a walk-in name the employer; an employer files for itself. */
  employerId?: string;
  note?: string;
  /** Where the award is paid (the employer's account for G1); recorded with the claim, compared by the fraud checks. */
  payee?: PayeeInput | null;
}

export interface ContractInput {
  contractEnd?: string | null;
  dispatch?: boolean;
  /** Where the award is paid, stated when the employer confirms. */
  payee?: PayeeInput | null;
}

export interface ClaimFilter {
  offset: number;
  limit: number;
  status?: ClaimStatus;
  /** A reviewer's queue: the claims waiting for the caller's stage in their region. */
  queue?: 'county' | 'city' | 'notice' | 'candidates';
}

export interface ClaimView {
  claim: SubsidyClaim;
  decision: SubsidyDecision | null;
  /** The person's ID number masked (first 3 and last 4). */
  personIdMasked: string | null;
}

export interface ClaimDetail extends ClaimView {
  transitions: SubsidyClaimTransition[];
  evidence: { id: string; port: string; source: string; fetchedAt: Date; payloadHash: string }[];
}

/**
 * The subsidy claim workflow (issue 19): filing, confirming candidate claims, the automatic checks with their evidence,
 * county and city review, the public notice on the holiday-aware calendar, approval, the exits, and the status history.
 * Every move goes through `nextStatus` (the pure state machine) and writes a history row in the caller's transaction;
 * the HTTP layer's audit row commits with it.
 */
@Injectable()
export class ClaimsService {
  private readonly logger = new Logger(ClaimsService.name);
  /** The parameter book the rules read (the dated defaults until an administrator edits them). */
  book: ParameterBook = DEFAULT_PARAMETERS;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly records: SubsidyRecordsService,
    private readonly evidence: ClaimEvidence,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly seekers: SeekerReads,
    private readonly employers: EmployerReads,
    private readonly fraud: FraudChecksService,
    private readonly payees: SubsidyPayees,
  ) {}

  private get claims() {
    return this.txHost.tx.getRepository(SubsidyClaim);
  }

  // ---------------------------------------------------------------- 免申即享: candidate claims from recorded hires

  /**
   * Opens a candidate G1 claim for a hire recorded on the platform (outbox topic `subsidy.hire_recorded`), when the
   * person declared the college-graduate group: one live claim per person (a second delivery finds the first). Then
   * re-checks it. Returns the claim id, or null when the hire gives no candidate.
   */
  async openCandidateFromHire(applicationId: string): Promise<string | null> {
    const hire = await this.seekers.hireFacts(applicationId);
    if (!hire?.hiredAt || !hire.graduate) return null;
    const employer = await this.employers.claimFacts(hire.employerId);
    if (!employer) return null;
    const existing = await this.claims.findOne({ where: { rule: 'G1', subjectKey: hire.residentIdHash }, order: { createdAt: 'DESC' } });
    if (existing && existing.status !== 'refused' && existing.status !== 'withdrawn') return existing.id;
    const inserted = await this.claims
      .createQueryBuilder()
      .insert()
      .values({
        rule: 'G1', status: 'candidate', origin: 'apply_free', claimantKind: 'employer', claimantId: employer.id, subjectKey: hire.residentIdHash,
        sourceRef: applicationId, regionCode: employer.regionCode, personIdEncrypted: hire.residentIdEncrypted, createdBy: null,
        details: { personName: hire.seekerName, seekerId: hire.seekerId, employerId: employer.id, employerName: employer.name, applicationId, hireDate: shanghaiDate(hire.hiredAt) },
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return null;
    await this.history(id, null, 'candidate', 'open', { userId: null, capacity: 'system' }, null, null);
    await this.recheck(id);
    return id;
  }

  /**
   * Runs the rule again on a claim's current evidence and records the decision. A candidate claim is offered to the
   * employer once month 6 has passed and no check fails; one with a failing check waits for a person (never refused
   * by the machine).
   */
  async recheck(claimId: string): Promise<SubsidyDecision> {
    const claim = await this.claims.findOneByOrFail({ id: claimId });
    if (claim.sourceRef && claim.details.applicationId) {
      const hire = await this.seekers.hireFacts(claim.details.applicationId);
      if (hire?.hiredAt) claim.details = { ...claim.details, hireDate: shanghaiDate(hire.hiredAt) };
    }
    const { decision } = await this.decide(claim);
    // A new decision on a claim being paid may make more instalments payable (a month confirmed since).
    if (statesFor('pay').includes(claim.status)) await this.records.registerInstalments([claim.id]);
    if (claim.status === 'candidate') {
      const ready = decision.outcome !== 'ineligible' && decision.checks.some((c) => c.code === 'G1_MONTH_SIX_REACHED' && c.verdict === 'pass');
      if (ready && !claim.offeredAt) {
        await this.claims.update({ id: claim.id }, { offeredAt: this.clock.now(), details: claim.details });
        await this.history(claim.id, 'candidate', 'candidate', 'offer', { userId: null, capacity: 'system' }, null, decision.id);
      } else {
        await this.claims.update({ id: claim.id }, { details: claim.details });
      }
    }
    return decision;
  }

  /** Re-checks every candidate claim not yet offered (a nightly job, or an officer's request). Returns how many became offered. */
  async recheckCandidates(principal?: Principal): Promise<number> {
    const qb = this.claims.createQueryBuilder('c').select('c.id', 'id').where(`c.status = 'candidate' AND c.offered_at IS NULL`);
    if (principal) this.scopeTo(qb, principal);
    const ids: { id: string }[] = await qb.getRawMany();
    let offered = 0;
    for (const { id } of ids) {
      await this.recheck(id);
      if ((await this.claims.findOneByOrFail({ id })).offeredAt) offered++;
    }
    return offered;
  }

  // ---------------------------------------------------------------- filing and submitting

  /** An employer files a G1 claim for a hire; an officer or administrator files one for a walk-in employer. A draft. */
  async file(principal: Principal, input: FileClaimInput): Promise<SubsidyClaim> {
    const employerId = principal.role === 'employer' ? principal.employerId : input.employerId;
    if (!employerId) throw new AppError(HttpStatus.BAD_REQUEST, 'SUBSIDY_CLAIMANT_REQUIRED');
    const employer = await this.employers.claimFacts(employerId);
    if (!employer) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (principal.role !== 'employer' && !this.inRegion(principal, employer.regionCode)) throw new OutOfScopeError('employer');
    const subjectKey = this.cipher.blindIndex(input.idNumber);
    const inserted = await this.claims
      .createQueryBuilder()
      .insert()
      .values({
        rule: 'G1', status: 'draft', origin: principal.role === 'employer' ? 'applied' : 'officer', claimantKind: 'employer', claimantId: employer.id, subjectKey,
        regionCode: employer.regionCode, personIdEncrypted: this.cipher.encrypt(input.idNumber), createdBy: principal.userId,
        details: {
          personName: input.personName, employerId: employer.id, employerName: employer.name, hireDate: input.hireDate,
          ...(input.contractEnd !== undefined ? { contractEnd: input.contractEnd } : {}), ...(input.dispatch !== undefined ? { dispatch: input.dispatch } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) throw new AppError(HttpStatus.CONFLICT, 'SUBSIDY_CLAIM_EXISTS');
    if (input.payee) await this.payees.record(id, input.payee);
    await this.history(id, null, 'draft', 'file', { userId: principal.userId, capacity: principal.role === 'employer' ? 'claimant' : 'officer' }, null, null);
    return this.claims.findOneByOrFail({ id });
  }

  /** Submits a draft, then runs the automatic checks and queues it for county review. */
  async submit(principal: Principal, id: string): Promise<ClaimView> {
    const claim = await this.visible(principal, id);
    await this.move(principal, claim, 'submit');
    return this.checkAndQueue(claim);
  }

  /**
   * The employer confirms a candidate claim the platform offered, stating the contract (term, dispatch): the
   * confirming account becomes the claim's creator for the three-people rule. Then the automatic checks run.
   */
  async confirm(principal: Principal, id: string, contract: ContractInput): Promise<ClaimView> {
    const claim = await this.visible(principal, id);
    if (claim.status === 'candidate' && !claim.offeredAt) {
      throw new AppError(HttpStatus.CONFLICT, 'SUBSIDY_MOVE_NOT_ALLOWED', { from: 'candidate (not yet offered)', fromZh: '待复核（尚未到期）', action: 'confirm', actionZh: ACTION_ZH.confirm });
    }
    claim.details = {
      ...claim.details,
      ...(contract.contractEnd !== undefined ? { contractEnd: contract.contractEnd } : {}),
      ...(contract.dispatch !== undefined ? { dispatch: contract.dispatch } : {}),
    };
    await this.move(principal, claim, 'confirm', null, { createdBy: principal.userId, details: claim.details });
    if (contract.payee) await this.payees.record(claim.id, contract.payee);
    return this.checkAndQueue(claim);
  }

  /**
   * submitted → auto_checked (decision with evidence ids) → county_review. Never refuses: a failing check goes to a
   * person. The facts the decision used are kept for the fraud checks, which run after this transaction commits
   * (outbox `subsidy.fraud_check_requested`) and raise suspicious cases for a person, never a refusal.
   */
  private async checkAndQueue(claim: SubsidyClaim): Promise<ClaimView> {
    const { decision, facts, employerCode } = await this.decide(claim);
    await this.fraud.recordFacts(claim.id, graduateHiringFraudFacts(facts, {
      personKey: claim.subjectKey, employerKey: employerCode, officerId: claim.origin === 'officer' ? claim.createdBy : null,
    }));
    await this.fraud.requestCheck(claim.id);
    const system: ClaimActor = { userId: null, capacity: 'system' };
    await this.move(null, claim, 'auto_check', null, {}, system, decision.id);
    await this.move(null, claim, 'queue_county', null, {}, system);
    const saved = await this.claims.findOneByOrFail({ id: claim.id });
    return { claim: saved, decision, personIdMasked: this.maskedId(saved) };
  }

  // ---------------------------------------------------------------- review, notice, exits

  /** A person's move: county/city pass, refusal, objection, appeal, recovery, withdrawal, the end of the notice. */
  async act(principal: Principal, id: string, event: ClaimEvent, reasons?: { zh: string; en?: string } | null): Promise<SubsidyClaim> {
    const claim = await this.visible(principal, id);
    const extra: Partial<SubsidyClaim> = {};
    if (reasons?.zh) Object.assign(extra, { reasonsZh: reasons.zh, reasonsEn: reasons.en ?? null });
    if (event === 'county_pass') extra.countyReviewedBy = principal.userId;
    if (event === 'city_pass' || event === 'dismiss_objection') {
      if (event === 'city_pass') extra.cityReviewedBy = principal.userId;
      const period = noticePeriod(this.clock.today());
      Object.assign(extra, { noticeFrom: period.from, noticeUntil: period.until });
    }
    if (event === 'reopen_appeal') Object.assign(extra, { countyReviewedBy: null, cityReviewedBy: null, noticeFrom: null, noticeUntil: null });
    await this.move(principal, claim, event, reasons ?? null, extra);
    // A refusal is a person's, and so is a pass at city level of a decision that needed review (what makes it payable
    // once approved): the latest decision is confirmed in their name.
    if (event === 'refuse' || event === 'uphold_objection' || event === 'dismiss_appeal' || event === 'city_pass') {
      const latest = await this.latestDecision(claim.id);
      if (latest && (event !== 'city_pass' || latest.outcome === 'needs_review')) {
        await this.txHost.tx.getRepository(SubsidyDecision).update({ id: latest.id }, { confirmedBy: principal.userId, confirmedAt: this.clock.now() });
      }
    }
    if (event === 'notice_end') await this.records.registerInstalments([claim.id]);
    return this.claims.findOneByOrFail({ id });
  }

  /**
   * Approves every claim whose notice ended before today without an objection (the scheduled job), registering their
   * instalments in the same transaction (so a batch only picks them). Returns how many.
   */
  async endNotices(): Promise<number> {
    const today = this.clock.today();
    const due = await this.claims.createQueryBuilder('c').where(`c.status = 'notice' AND c.notice_until < :today`, { today }).getMany();
    for (const claim of due) await this.move(null, claim, 'notice_end', null, {}, { userId: null, capacity: 'system' });
    if (due.length) await this.records.registerInstalments(due.map((c) => c.id));
    return due.length;
  }

  /**
   * For the payment side: an approved claim is paid (or its payment failed and is retried later). Idempotent: a claim
   * already in the target state is left as it is. Throws for a claim in any other state.
   */
  async settlePayment(claimId: string, result: 'paid' | 'payment_failed'): Promise<SubsidyClaim> {
    const claim = await this.claims.findOneByOrFail({ id: claimId });
    if (claim.status === result) return claim;
    const event = result === 'paid' ? 'pay' : 'payment_failed';
    if (!(await this.settlePayments([claimId], result)).length) throw moveError({ ok: false, error: 'not_allowed', from: claim.status, event }, claim.status, event);
    return this.claims.findOneByOrFail({ id: claimId });
  }

  /**
   * `settlePayment` for many claims at once (a bank return file settles thousands): each claim moves through the state
   * machine as the payments side, with its history row; claims already in the target state, or in a state the move
   * does not start from, are left as they are. Set-based. Returns the ids that moved.
   */
  async settlePayments(claimIds: readonly string[], result: 'paid' | 'payment_failed'): Promise<string[]> {
    if (!claimIds.length) return [];
    const event: ClaimEvent = result === 'paid' ? 'pay' : 'payment_failed';
    const actor: ClaimActor = { userId: null, capacity: 'payments' };
    const today = this.clock.today();
    const rows: { id: string; status: ClaimStatus }[] = await this.txHost.tx.query(
      `SELECT id, status FROM subsidy_claim WHERE id = ANY($1::uuid[]) AND status = ANY($2::text[]) ORDER BY id FOR UPDATE`,
      [claimIds, CLAIM_EDGES[event].from],
    );
    const moves = rows.flatMap((row) => {
      const next = nextStatus({ status: row.status, createdBy: null, countyReviewedBy: null, cityReviewedBy: null, noticeUntil: null }, { event, actor, today });
      return next.ok ? [{ id: row.id, from: row.status, to: next.to }] : [];
    });
    if (!moves.length) return [];
    const moved: { id: string; from: ClaimStatus; to: ClaimStatus }[] = await this.txHost.tx.query(
      `WITH m AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS m(id, from_status, to_status)),
       updated AS (
         UPDATE subsidy_claim c SET status = m.to_status, updated_at = now() FROM m WHERE c.id = m.id AND c.status = m.from_status
         RETURNING c.id, m.from_status AS "from", m.to_status AS "to"
       ), history AS (
         INSERT INTO subsidy_claim_transition (claim_id, from_status, to_status, event, actor_id, capacity)
         SELECT id, "from", "to", $4, NULL, $5 FROM updated RETURNING 1
       ) SELECT id, "from", "to" FROM updated`,
      [moves.map((m) => m.id), moves.map((m) => m.from), moves.map((m) => m.to), event, actor.capacity],
    );
    return moved.map((m) => m.id).sort();
  }

  // ---------------------------------------------------------------- reads

  async list(principal: Principal, filter: ClaimFilter): Promise<[ClaimView[], number]> {
    const qb = this.claims.createQueryBuilder('c').orderBy('c.updatedAt', 'DESC').addOrderBy('c.id').skip(filter.offset).take(filter.limit);
    this.scopeTo(qb, principal);
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    const queue = filter.queue ? QUEUES[filter.queue] : undefined;
    if (queue) qb.andWhere('c.status IN (:...queue)', { queue });
    const [claims, total] = await qb.getManyAndCount();
    const decisions = await this.latestDecisions(claims.map((c) => c.id));
    return [claims.map((claim) => ({ claim, decision: decisions.get(claim.id) ?? null, personIdMasked: this.maskedId(claim) })), total];
  }

  async detail(principal: Principal, id: string): Promise<ClaimDetail> {
    const claim = await this.visible(principal, id);
    const decision = await this.latestDecision(id);
    const transitions = await this.txHost.tx.getRepository(SubsidyClaimTransition).find({ where: { claimId: id }, order: { at: 'ASC' } });
    const evidence: ClaimDetail['evidence'] = decision?.evidenceIds.length
      ? await this.txHost.tx.query(
          `SELECT id, port, source, fetched_at AS "fetchedAt", payload_hash AS "payloadHash" FROM subsidy_evidence_snapshot WHERE id = ANY($1::uuid[]) ORDER BY port`,
          [decision.evidenceIds],
        )
      : [];
    return { claim, decision, personIdMasked: this.maskedId(claim), transitions, evidence };
  }

  /** The 公示 list of the claims in notice within the caller's region, masked. */
  async noticeList(principal: Principal): Promise<NoticeLine[]> {
    const qb = this.claims.createQueryBuilder('c').where(`c.status = 'notice'`).orderBy('c.noticeFrom', 'ASC').addOrderBy('c.id');
    this.scopeTo(qb, principal);
    const claims = await qb.getMany();
    const decisions = await this.latestDecisions(claims.map((c) => c.id));
    return claims.map((claim) => ({
      claimId: claim.id,
      rule: claim.rule,
      itemZh: RULE_NAMES[claim.rule]?.zh ?? claim.rule,
      itemEn: RULE_NAMES[claim.rule]?.en ?? claim.rule,
      claimant: claim.details.employerName ?? claim.details.personName ?? '',
      personName: claim.details.personName ?? null,
      personId: claim.personIdEncrypted ? this.cipher.decrypt(claim.personIdEncrypted) : null,
      amount: Number(decisions.get(claim.id)?.amount ?? 0),
      noticeFrom: claim.noticeFrom ?? '',
      noticeUntil: claim.noticeUntil ?? '',
    }));
  }

  // ---------------------------------------------------------------- internals

  /** Gathers the claim's facts from the evidence ports, runs the rule and records the decision with its evidence. */
  private async decide(claim: SubsidyClaim): Promise<{ decision: SubsidyDecision; facts: GraduateHiringFacts; employerCode: string | null }> {
    const employerId = claim.details.employerId ?? claim.claimantId;
    const employer = employerId ? await this.employers.claimFacts(employerId) : null;
    const idNumber = claim.personIdEncrypted ? this.cipher.decrypt(claim.personIdEncrypted) : '';
    const others = await this.claims
      .createQueryBuilder('c')
      .select(['c.id', 'c.rule', 'c.claimantId'])
      .where('c.subject_key = :key AND c.id <> :id', { key: claim.subjectKey, id: claim.id })
      .andWhere(`c.status IN ('approved', 'paid', 'notice', 'city_review', 'county_review')`)
      .getMany();
    const { facts, answers } = await gatherGraduateHiring(this.evidence.tables, {
      asOf: this.clock.today(),
      idNumber,
      employerCode: employer?.creditCode ?? '',
      hireDate: claim.details.hireDate ?? this.clock.today(),
      employer: employer ? employerFacts(employer.ownership, employer.sizeClass) : {},
      contract: { end: claim.details.contractEnd, dispatch: claim.details.dispatch },
      priorAwards: others.map((o) => ({ rule: o.rule, claimId: o.id, sameHire: o.claimantId === claim.claimantId })),
    });
    const decision: Decision = decideGraduateHiring(facts, this.book);
    const evidenceIds: string[] = [];
    for (const answer of answers) {
      if (!answer.available) continue;
      evidenceIds.push(
        await this.records.keepEvidence({ port: answer.port, subjectKey: answer.subjectKey, source: answer.source, fetchedAt: answer.fetchedAt, payload: answer.records }),
      );
    }
    return { decision: await this.records.recordDecision(claim.id, decision, evidenceIds), facts, employerCode: employer?.creditCode ?? null };
  }

  /** Applies one move through the state machine, or throws the matching error; writes the claim and its history row. */
  private async move(
    principal: Principal | null,
    claim: SubsidyClaim,
    event: ClaimEvent,
    reasons: { zh: string; en?: string } | null = null,
    extra: Partial<SubsidyClaim> = {},
    actor: ClaimActor = { userId: principal?.userId ?? null, capacity: this.capacity(principal!, claim, event) },
    decisionId: string | null = null,
  ): Promise<void> {
    // A role that may never take this step from this state: 403, whatever else holds.
    const edge = CLAIM_EDGES[event];
    if (edge.from.includes(claim.status) && !edge.by.includes(actor.capacity)) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const result = nextStatus(
      { status: claim.status, createdBy: claim.createdBy, countyReviewedBy: claim.countyReviewedBy, cityReviewedBy: claim.cityReviewedBy, noticeUntil: claim.noticeUntil },
      { event, actor, today: this.clock.today(), reasons },
    );
    if (!result.ok) throw moveError(result, claim.status, event);
    const from = claim.status;
    // Compare-and-set on the status: of two concurrent moves of one claim, the second finds it moved and fails.
    const updated = await this.claims.update({ id: claim.id, status: from }, { status: result.to, ...extra });
    if (!updated.affected) throw moveError({ ok: false, error: 'not_allowed', from, event }, from, event);
    Object.assign(claim, { status: result.to, ...extra });
    await this.history(claim.id, from, result.to, event, actor, reasons, decisionId);
  }

  private async history(claimId: string, from: ClaimStatus | null, to: ClaimStatus, event: string, actor: ClaimActor, reasons: { zh: string; en?: string } | null, decisionId: string | null) {
    await this.txHost.tx.getRepository(SubsidyClaimTransition).insert({
      claimId, fromStatus: from, toStatus: to, event, actorId: actor.userId, capacity: actor.capacity, reasonsZh: reasons?.zh ?? null, reasonsEn: reasons?.en ?? null, decisionId,
    });
  }

  /**
   * The capacity a caller acts in. Roles (libs/auth): an employer or seeker is the claimant of its own claims; an
   * officer is the county reviewer (初审) of claims in their region and files for walk-ins; an administrator is the
   * city reviewer (复核) of claims in their region, and may do county review where no officer does. Which person
   * does which is then held apart by the three-people rule.
   */
  private capacity(principal: Principal, claim: SubsidyClaim, event: ClaimEvent): ClaimCapacity {
    switch (principal.role) {
      case 'employer':
      case 'seeker':
        return 'claimant';
      case 'officer':
        return event === 'county_pass' || (event === 'refuse' && claim.status === 'county_review') ? 'county_reviewer' : 'officer';
      case 'admin':
        if (CITY_EVENTS.includes(event) || (event === 'refuse' && claim.status === 'city_review')) return 'city_reviewer';
        if (event === 'county_pass' || event === 'refuse') return 'county_reviewer';
        return 'officer';
      default:
        return 'public';
    }
  }

  private maskedId(claim: SubsidyClaim): string | null {
    return claim.personIdEncrypted ? maskResidentId(this.cipher.decrypt(claim.personIdEncrypted)) : null;
  }

  private inRegion(principal: Principal, regionCode: string | null): boolean {
    if (principal.role === 'admin') {
      const region = adminRegion(principal);
      return region === null || regionWithin(regionCode, region ?? '');
    }
    if (principal.role === 'officer') return !principal.regionCode || regionWithin(regionCode, principal.regionCode);
    return false;
  }

  /** Who sees which claims: the claimant its own; officers and administrators those of their region. */
  private scopeTo(qb: ReturnType<typeof this.claims.createQueryBuilder>, principal: Principal): void {
    switch (principal.role) {
      case 'employer':
        qb.andWhere(`c.claimant_kind = 'employer' AND c.claimant_id = :self`, { self: principal.employerId ?? '00000000-0000-0000-0000-000000000000' });
        return;
      case 'seeker':
        qb.andWhere(`c.details ->> 'seekerId' = :self`, { self: principal.seekerId ?? '' });
        return;
      case 'officer':
      case 'admin': {
        const region = principal.role === 'admin' ? adminRegion(principal) : principal.regionCode;
        if (region) qb.andWhere(`c.region_code LIKE :scopeRegion`, { scopeRegion: `${regionPrefix(region)}%` });
        return;
      }
      default:
        qb.andWhere('FALSE');
    }
  }

  private async visible(principal: Principal, id: string): Promise<SubsidyClaim> {
    const qb = this.claims.createQueryBuilder('c').where('c.id = :id', { id });
    this.scopeTo(qb, principal);
    const claim = await qb.getOne();
    if (claim) return claim;
    throw (await this.claims.existsBy({ id })) ? new OutOfScopeError('subsidy_claim') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  private async latestDecision(claimId: string): Promise<SubsidyDecision | null> {
    return this.txHost.tx.getRepository(SubsidyDecision).findOne({ where: { claimId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  private async latestDecisions(claimIds: string[]): Promise<Map<string, SubsidyDecision>> {
    if (!claimIds.length) return new Map();
    const rows = await this.txHost.tx
      .getRepository(SubsidyDecision)
      .createQueryBuilder('d')
      .distinctOn(['d.claim_id'])
      .where('d.claim_id IN (:...ids)', { ids: claimIds })
      .orderBy('d.claim_id')
      .addOrderBy('d.decided_at', 'DESC')
      .getMany();
    return new Map(rows.map((d) => [d.claimId, d]));
  }
}

/** The platform's employer record as G1's employer facts: an individual business or unknown kind leaves the check to a person. */
export function employerFacts(ownership: string, sizeClass: string): { kind?: EmployerKind; size?: EmployerSize; stateOwned?: boolean } {
  const kind: EmployerKind | undefined =
    ownership === 'private' || ownership === 'soe' ? 'enterprise' : ownership === 'social_organisation' ? 'social_organisation' : ownership === 'public_institution' ? 'public_institution' : undefined;
  const size = (['micro', 'small', 'medium', 'large'] as const).find((s) => s === sizeClass);
  return { kind, size, stateOwned: kind === 'enterprise' ? ownership === 'soe' : undefined };
}

function moveError(result: Exclude<ClaimMoveResult, { ok: true }>, from: ClaimStatus, event: ClaimEvent): AppError {
  switch (result.error) {
    case 'same_person':
      return new AppError(HttpStatus.FORBIDDEN, 'SUBSIDY_SAME_PERSON', { role: result.role.replace('_', ' '), roleZh: ROLE_ZH[result.role] });
    case 'reasons_required':
      return new AppError(HttpStatus.BAD_REQUEST, 'SUBSIDY_REASONS_REQUIRED');
    case 'notice_running':
      return new AppError(HttpStatus.CONFLICT, 'SUBSIDY_NOTICE_RUNNING', { noticeUntil: result.noticeUntil });
    default:
      return new AppError(HttpStatus.CONFLICT, 'SUBSIDY_MOVE_NOT_ALLOWED', { from, fromZh: STATUS_ZH[from], action: event, actionZh: ACTION_ZH[event] });
  }
}
