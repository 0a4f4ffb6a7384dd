import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { ShortageDirectory } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { NotificationsService } from '@app/notifications';
import { MatchDecision, MatchDecisionKind } from './match-decision.entity';
import { MatchVersions } from './match-versions.service';

/**
 * What people decide about recommendations. Sending a candidate notifies the employer's users (in-app inbox)
 * and counts as a response to the shortage; dismissals and "not interested" leave the current results at
 * once and are left out of every later run. Each runs in the request's transaction with its audit row.
 */
@Injectable()
export class MatchDecisionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly shortages: ShortageDirectory,
    private readonly versions: MatchVersions,
    private readonly notifications: NotificationsService,
  ) {}

  async send(principal: Principal, shortageId: string, seekerId: string): Promise<MatchDecision> {
    const shortage = await this.shortages.get(principal, shortageId);
    const existing = await this.decisions.findOneBy({ shortageId, seekerId });
    if (existing?.decision === 'sent') return existing;
    await this.requireCandidate(shortageId, seekerId);
    const decision = await this.record(principal, shortageId, seekerId, 'sent', null);
    await this.tx.query(`UPDATE shortage SET first_response_at = coalesce(first_response_at, now()) WHERE id = $1`, [shortageId]);
    const employerUsers: { id: string }[] = await this.tx.query(`SELECT id FROM app_user WHERE employer_id = $1 AND NOT disabled`, [shortage.employerId]);
    await this.notifications.notify(
      employerUsers.map((user) => user.id),
      {
        kind: 'candidate.sent',
        titleZh: `就业服务专员为“${shortage.title}”推荐了一位候选人`,
        titleEn: `A service officer sent a candidate for "${shortage.title}"`,
        bodyZh: '请在缺工需求的候选人列表中查看推荐理由，并尽快联系安排面试。',
        bodyEn: 'See the reasons in the shortage’s candidate list and arrange an interview soon.',
        link: `/api/shortages/${shortageId}/candidates`,
      },
      `candidate.sent:${shortageId}:${seekerId}`,
    );
    return decision;
  }

  async dismiss(principal: Principal, shortageId: string, seekerId: string, reason: string): Promise<MatchDecision> {
    await this.shortages.get(principal, shortageId);
    const existing = await this.decisions.findOneBy({ shortageId, seekerId });
    if (existing?.decision === 'sent') throw new AppError(HttpStatus.CONFLICT, 'ALREADY_SENT');
    await this.requireCandidate(shortageId, seekerId);
    return this.withdraw(principal, shortageId, seekerId, 'dismissed', reason);
  }

  async notInterested(principal: Principal, shortageId: string, reason: string | null): Promise<MatchDecision> {
    const seekerId = principal.seekerId;
    if (!seekerId) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const runId = await this.versions.current();
    const [listed] = await this.tx.query(
      `SELECT 1 FROM match_result WHERE run_id = $1 AND shortage_id = $2 AND seeker_id = $3
       UNION ALL SELECT 1 FROM training_referral WHERE run_id = $1 AND shortage_id = $2 AND seeker_id = $3`,
      [runId, shortageId, seekerId],
    );
    if (!listed) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_RECOMMENDED');
    return this.withdraw(principal, shortageId, seekerId, 'not_interested', reason);
  }

  private async withdraw(principal: Principal, shortageId: string, seekerId: string, kind: MatchDecisionKind, reason: string | null) {
    const decision = await this.record(principal, shortageId, seekerId, kind, reason);
    await this.tx.query(`DELETE FROM match_result WHERE shortage_id = $1 AND seeker_id = $2`, [shortageId, seekerId]);
    await this.tx.query(`DELETE FROM training_referral WHERE shortage_id = $1 AND seeker_id = $2`, [shortageId, seekerId]);
    return decision;
  }

  private async requireCandidate(shortageId: string, seekerId: string): Promise<void> {
    const runId = await this.versions.current();
    const [listed] = await this.tx.query(`SELECT 1 FROM match_result WHERE run_id = $1 AND shortage_id = $2 AND seeker_id = $3`, [runId, shortageId, seekerId]);
    if (!listed) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_A_CANDIDATE');
  }

  private async record(principal: Principal, shortageId: string, seekerId: string, decision: MatchDecisionKind, reason: string | null) {
    const [snapshot] = await this.tx.query(
      `SELECT r.score, r.explanation FROM match_result r
       WHERE r.shortage_id = $1 AND r.seeker_id = $2 ORDER BY (r.run_id = $3) DESC LIMIT 1`,
      [shortageId, seekerId, await this.versions.current()],
    );
    await this.decisions.upsert(
      { shortageId, seekerId, decision, reason, decidedBy: principal.userId, decidedAt: new Date(), score: snapshot?.score ?? null, explanation: snapshot?.explanation ?? null },
      ['shortageId', 'seekerId'],
    );
    return this.decisions.findOneByOrFail({ shortageId, seekerId });
  }

  private get decisions() {
    return this.tx.getRepository(MatchDecision);
  }

  private get tx() {
    return this.txHost.tx;
  }
}
