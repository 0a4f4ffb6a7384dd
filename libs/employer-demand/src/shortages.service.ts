import { HttpStatus, Injectable } from '@nestjs/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { addDays, shanghaiDate } from '@app/clock';
import { AppConfig } from '@app/config';
import { OutboxService } from '@app/database';
import { AppError, OutOfScopeError } from '@app/errors';
import { LocationResolver } from '@app/geocoding';
import { RULE_SET_VERSION } from '@app/posting-screen';
import { EmployerDirectory } from './employer-directory.service';
import { Employer } from './employer.entity';
import { ScreeningHistory, screenShortage, toStoredResult } from './posting-screening';
import { ReviewDecision, ReviewDecisionKind } from './review-decision.entity';
import { canTransition, isEditable, isLive, statusForFill } from './shortage-lifecycle';
import { ShortageDirectory } from './shortage-directory.service';
import { ShortageTransition } from './shortage-transition.entity';
import { Shortage, ShortageStatus } from './shortage.entity';

/** The fields a person types in; status, filled headcount and screening are the platform's. */
export type ShortageInput = Omit<
  Shortage,
  | 'id' | 'employer' | 'filledHeadcount' | 'status' | 'createdBy' | 'publishedAt' | 'firstResponseAt' | 'createdAt' | 'updatedAt'
  | 'screenResult' | 'screenJustification'
>;

/** Where a shortage is, beyond its fields: a township the officer picked to correct the geocoded address. */
export interface LocationHint {
  townshipCode?: string | null;
}

/** One posting of a bulk submit: where it ended, or why it could not be submitted. */
export interface BulkSubmitOutcome {
  id: string;
  title: string | null;
  /** The status after the screen (open, screening, draft …); null when it was not submitted. */
  status: ShortageStatus | null;
  verdict: 'PASS' | 'WARN' | 'REVIEW' | 'BLOCK' | null;
  ruleCodes: string[];
  /** The error code when it could not be submitted (NOT_FOUND, TRANSITION_NOT_ALLOWED, JUSTIFICATION_REQUIRED …). */
  error: { code: string; message: string } | null;
}

/** How far ahead a copied posting's deadline is put when the source's has passed or is near. */
export const COPY_DEADLINE_DAYS = 30;

export interface SubmitOptions {
  /** Why WARN findings are acceptable; required to publish a posting with WARN findings. */
  justification?: string;
}

/**
 * Shortage commands: log, edit, submit to the posting screen, decide reviews, close. Every change records its
 * transition and an outbox row in the request's transaction.
 */
@Injectable()
export class ShortagesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly employers: EmployerDirectory,
    private readonly shortages: ShortageDirectory,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly locations: LocationResolver,
  ) {}

  /**
   * Logs a shortage. Its location is always set: given coordinates are a `point`; otherwise a picked township,
   * the geocoded address or the region's point, with the precision that goes with it.
   */
  async create(
    principal: Principal,
    input: ShortageInput,
    options: { submit?: boolean } & SubmitOptions & LocationHint = {},
  ): Promise<Shortage> {
    const employer = await this.employers.getVisible(principal, input.employerId);
    this.assertMayPost(employer);
    const location = await this.locate(input, null, options.townshipCode);
    const shortage = await this.repository.save({ ...input, ...location, status: 'draft' as const, createdBy: principal.userId });
    await this.record(shortage, null, 'draft', '登记缺工需求', principal.userId);
    return options.submit ? this.submit(principal, shortage.id, options) : shortage;
  }

  /** Edits a shortage; a published one goes through the screen again. */
  async update(principal: Principal, id: string, changes: Partial<ShortageInput>, hint: LocationHint = {}): Promise<Shortage> {
    const shortage = await this.shortages.get(principal, id);
    if (!isEditable(shortage.status)) throw new AppError(HttpStatus.CONFLICT, 'SHORTAGE_NOT_EDITABLE', { status: shortage.status });
    if (changes.headcount !== undefined && changes.headcount < shortage.filledHeadcount) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'HEADCOUNT_BELOW_FILLED', { filled: shortage.filledHeadcount });
    }
    const { employerId: _ignored, ...editable } = changes;
    const location = await this.relocate(shortage, editable, hint.townshipCode);
    Object.assign(shortage, editable, location);
    await this.repository.save(shortage);
    await this.outbox.record('shortage.changed', shortage.id);
    if (isLive(shortage.status)) return this.submit(principal, id, {});
    return shortage;
  }

  /**
   * Screens the posting and moves it on: PASS publishes; WARN publishes once justified; REVIEW waits for an
   * officer; BLOCK returns it to draft and counts against the employer.
   */
  async submit(principal: Principal, id: string, options: SubmitOptions): Promise<Shortage> {
    const shortage = await this.shortages.get(principal, id);
    const employer = await this.txHost.tx.getRepository(Employer).findOneByOrFail({ id: shortage.employerId });
    this.assertMayPost(employer);
    if (!isEditable(shortage.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'TRANSITION_NOT_ALLOWED', { from: shortage.status, to: 'screening' });
    }
    const now = new Date();
    const result = screenShortage(shortage, employer, { priorDiversionFindings: await this.priorDiversionFindings(employer.id, id) }, now);
    shortage.screenResult = toStoredResult(result, now);
    const rules = [...new Set(result.findings.map((f) => f.ruleCode))].join('、');

    switch (result.verdict) {
      case 'BLOCK':
        await this.countBlock(employer);
        return this.moveTo(shortage, 'draft', `招聘信息审核未通过（${rules}）`, null);
      case 'REVIEW':
        return this.moveTo(shortage, 'screening', `招聘信息需人工审核（${rules}）`, null);
      case 'WARN':
        if (!options.justification?.trim()) {
          throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'JUSTIFICATION_REQUIRED', { rules });
        }
        shortage.screenJustification = options.justification.trim();
        return this.publish(shortage, `审核提示已说明（${rules}）：${shortage.screenJustification}`, principal.userId);
      default:
        return this.publish(shortage, '招聘信息审核通过，已发布', principal.userId);
    }
  }

  /**
   * Submits several drafts (e.g. the rows of an import) one by one, each through the posting screen as `submit` does.
   * Each runs in its own savepoint: one that cannot be submitted (out of scope, not a draft, WARN without a
   * justification) is reported with its error and leaves the others alone. Outcomes come back in the order asked.
   */
  async submitMany(principal: Principal, ids: readonly string[], options: SubmitOptions, describe: (error: AppError) => string): Promise<BulkSubmitOutcome[]> {
    const outcomes: BulkSubmitOutcome[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        const shortage = await this.txHost.withTransaction(Propagation.Nested, () => this.submit(principal, id, options));
        outcomes.push({
          id, title: shortage.title, status: shortage.status, verdict: shortage.screenResult?.verdict ?? null,
          ruleCodes: [...new Set((shortage.screenResult?.findings ?? []).map((f) => f.ruleCode))], error: null,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // A posting out of scope is reported as not found, as the single route answers it.
        const shown = error instanceof OutOfScopeError ? new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND') : error;
        const title = shown.code === 'NOT_FOUND' ? null : ((await this.repository.findOne({ where: { id }, select: { id: true, title: true } }))?.title ?? null);
        outcomes.push({ id, title, status: null, verdict: null, ruleCodes: [], error: { code: shown.code, message: describe(shown) } });
      }
    }
    return outcomes;
  }

  /**
   * Copies a posting (typically expired or closed) into a new draft of the same employer: every field a person typed,
   * with the start date moved to today when it has passed and the deadline moved ahead when it is less than a week
   * away. Status, hires, screening and the import reference are not copied.
   */
  async copy(principal: Principal, id: string): Promise<Shortage> {
    const source = await this.shortages.get(principal, id);
    const today = shanghaiDate(new Date());
    const {
      id: _id, employer: _employer, filledHeadcount: _filled, status: _status, createdBy: _createdBy, publishedAt: _published, firstResponseAt: _response,
      createdAt: _created, updatedAt: _updated, screenResult: _screen, screenJustification: _justification, externalRef: _ref, ...fields
    } = source;
    const startDate = fields.startDate < today ? today : fields.startDate;
    const deadline = fields.deadline < addDays(today, 7) ? addDays(today, COPY_DEADLINE_DAYS) : fields.deadline;
    return this.create(principal, { ...fields, startDate, deadline: deadline < startDate ? startDate : deadline, externalRef: null });
  }

  /**
   * A reviewer (an officer or admin in scope, never the one who logged the posting) decides a posting held for review:
   * approve publishes it, reject closes it, request_changes returns it to draft. The decision keeps the verdict and the
   * rule-set version it was made on.
   */
  async decideReview(principal: Principal, id: string, decision: ReviewDecisionKind, reason: string): Promise<Shortage> {
    const shortage = await this.shortages.get(principal, id);
    if (shortage.status !== 'screening') throw new AppError(HttpStatus.CONFLICT, 'NOT_AWAITING_REVIEW');
    if (shortage.createdBy === principal.userId) throw new AppError(HttpStatus.FORBIDDEN, 'REVIEWER_IS_CREATOR');
    const screen = shortage.screenResult;
    await this.txHost.tx.getRepository(ReviewDecision).insert({
      shortageId: id,
      decision,
      reason,
      reviewerId: principal.userId,
      verdict: screen?.verdict ?? 'REVIEW',
      ruleSetVersion: screen?.ruleSetVersion ?? RULE_SET_VERSION,
      ruleCodes: [...new Set((screen?.findings ?? []).map((f) => f.ruleCode))],
    });
    switch (decision) {
      case 'approve':
        return this.publish(shortage, `人工审核通过：${reason}`, principal.userId);
      case 'reject':
        return this.moveTo(shortage, 'closed', `人工审核不予发布：${reason}`, principal.userId);
      case 'request_changes':
        return this.moveTo(shortage, 'draft', `人工审核要求修改：${reason}`, principal.userId);
    }
  }

  /**
   * Screens a published posting again under the current rule set (PostingRescreenService). One that now needs review
   * or would be blocked goes back to review, out of search; the employer's block count is left alone (the rules
   * changed, not the posting). Returns whether it went back to review.
   */
  async rescreen(shortage: Shortage, employer: Employer, history: ScreeningHistory): Promise<boolean> {
    const now = new Date();
    const result = screenShortage(shortage, employer, history, now);
    shortage.screenResult = toStoredResult(result, now);
    if (result.verdict !== 'REVIEW' && result.verdict !== 'BLOCK') {
      await this.repository.update(shortage.id, { screenResult: shortage.screenResult });
      return false;
    }
    const rules = [...new Set(result.findings.filter((f) => f.verdict === 'REVIEW' || f.verdict === 'BLOCK').map((f) => f.ruleCode))].join('、');
    await this.moveTo(shortage, 'screening', `规则集更新为 ${result.ruleSetVersion}，重新审核需人工复核（${rules}）`, null);
    return true;
  }

  async close(principal: Principal, id: string, reason: string): Promise<Shortage> {
    const shortage = await this.shortages.get(principal, id);
    return this.moveTo(shortage, 'closed', reason, principal.userId);
  }

  /**
   * A recorded hire fills one position; the status follows the filled headcount. The one home of the rule for
   * every hire path (an application moved to hired, an outcome recorded at an event): one atomic, bounded
   * increment, so concurrent hires can never take the filled headcount past the headcount (409 SHORTAGE_FILLED).
   */
  async recordHire(shortageId: string, actorId: string): Promise<Shortage> {
    const [rows] = (await this.repository.query(
      `UPDATE shortage SET filled_headcount = filled_headcount + 1, updated_at = now()
        WHERE id = $1 AND filled_headcount < headcount RETURNING id`,
      [shortageId],
    )) as [{ id: string }[], number];
    const shortage = await this.repository.findOneOrFail({ where: { id: shortageId }, lock: { mode: 'pessimistic_write' } });
    if (!rows.length) throw new AppError(HttpStatus.CONFLICT, 'SHORTAGE_FILLED', { filled: shortage.filledHeadcount, headcount: shortage.headcount });
    const reason = `录用 1 人（已录用 ${shortage.filledHeadcount}/${shortage.headcount}）`;
    if (!isLive(shortage.status) && shortage.status !== 'filled') {
      await this.record(shortage, shortage.status, shortage.status, reason, actorId);
      return shortage;
    }
    return this.moveTo(shortage, statusForFill(shortage.headcount, shortage.filledHeadcount), reason, actorId);
  }

  /**
   * The location of a new or edited shortage. A caller that already decided it (the import passes
   * `locationPrecision`) is trusted; coordinates typed by the user are a point.
   */
  private async locate(
    fields: Pick<ShortageInput, 'address' | 'regionCode'> & Partial<Pick<ShortageInput, 'lat' | 'lng' | 'locationPrecision'>>,
    keep: Pick<Shortage, 'lat' | 'lng' | 'locationPrecision'> | null,
    townshipCode?: string | null,
  ): Promise<Pick<Shortage, 'lat' | 'lng' | 'locationPrecision'>> {
    if (fields.locationPrecision !== undefined && fields.locationPrecision !== null && fields.lat != null && fields.lng != null) {
      return { lat: fields.lat, lng: fields.lng, locationPrecision: fields.locationPrecision };
    }
    if (keep) return keep;
    const found = await this.locations.resolve({ ...fields, townshipCode });
    return { lat: found.lat, lng: found.lng, locationPrecision: found.locationPrecision };
  }

  /**
   * An edit moves the location when it gives new coordinates, a township, or a new address or region; coordinates
   * sent back unchanged (a form re-submitting what it loaded) keep their precision.
   */
  private async relocate(shortage: Shortage, changes: Partial<ShortageInput>, townshipCode?: string | null) {
    const next = {
      address: changes.address ?? shortage.address,
      regionCode: changes.regionCode ?? shortage.regionCode,
      lat: changes.lat === undefined ? shortage.lat : changes.lat,
      lng: changes.lng === undefined ? shortage.lng : changes.lng,
      locationPrecision: changes.locationPrecision,
    };
    const sameCoordinates = next.lat === shortage.lat && next.lng === shortage.lng;
    const placeChanged = next.address !== shortage.address || next.regionCode !== shortage.regionCode;
    if (next.locationPrecision == null && sameCoordinates && !townshipCode) {
      const stillValid = shortage.locationPrecision !== null && (!placeChanged || shortage.locationPrecision === 'point');
      if (stillValid) return { lat: shortage.lat, lng: shortage.lng, locationPrecision: shortage.locationPrecision };
      return this.locate({ ...next, lat: null, lng: null }, null, townshipCode);
    }
    return this.locate(next, null, townshipCode);
  }

  private async publish(shortage: Shortage, reason: string, actorId: string | null): Promise<Shortage> {
    const now = new Date();
    shortage.publishedAt ??= now;
    // A publication is a response to the posting when someone other than the one who logged it made it (an officer
    // submitting an employer's draft, a reviewer's approval); a posting its author published at once has had none yet
    // (the first candidates sent are its first response).
    if (actorId && actorId !== shortage.createdBy) shortage.firstResponseAt ??= now;
    const target: ShortageStatus = shortage.filledHeadcount > 0 ? 'partially_filled' : 'open';
    if (shortage.status === target) {
      await this.repository.save(shortage);
      await this.record(shortage, shortage.status, target, reason, actorId);
      return shortage;
    }
    return this.moveTo(shortage, target, reason, actorId);
  }

  private async moveTo(shortage: Shortage, to: ShortageStatus, reason: string, actorId: string | null): Promise<Shortage> {
    const from = shortage.status;
    if (from !== to && !canTransition(from, to)) throw new AppError(HttpStatus.CONFLICT, 'TRANSITION_NOT_ALLOWED', { from, to });
    shortage.status = to;
    await this.repository.save(shortage);
    await this.record(shortage, from, to, reason, actorId);
    return shortage;
  }

  private async record(shortage: Shortage, from: ShortageStatus | null, to: ShortageStatus, reason: string, actorId: string | null) {
    await this.txHost.tx.getRepository(ShortageTransition).insert({ shortageId: shortage.id, fromStatus: from, toStatus: to, reason, actorId });
    await this.outbox.record('shortage.changed', shortage.id);
  }

  private assertMayPost(employer: Employer): void {
    if (employer.abnormal) throw new AppError(HttpStatus.FORBIDDEN, 'EMPLOYER_ABNORMAL');
  }

  /** Counts a blocked posting; enough of them put the employer on the abnormal-entity list. Survives the request. */
  private async countBlock(employer: Employer): Promise<void> {
    employer.blockedPostings += 1;
    employer.abnormal ||= employer.blockedPostings >= this.config.SCREEN_BLOCKS_BEFORE_ABNORMAL;
    await this.txHost.tx.getRepository(Employer).update(employer.id, { blockedPostings: employer.blockedPostings, abnormal: employer.abnormal });
    await this.outbox.record('employer.changed', employer.id);
  }

  private async priorDiversionFindings(employerId: string, exceptShortageId: string): Promise<number> {
    return this.repository
      .createQueryBuilder('s')
      .where('s.employer_id = :employerId AND s.id <> :id', { employerId, id: exceptShortageId })
      .andWhere(`s.screen_result -> 'findings' @> '[{"ruleCode":"F7"}]'::jsonb`)
      .getCount();
  }

  private get repository() {
    return this.txHost.tx.getRepository(Shortage);
  }
}
