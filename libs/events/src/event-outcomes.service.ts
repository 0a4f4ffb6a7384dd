import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal } from '@app/auth';
import { Shortage } from '@app/employer-demand';
import { AppError } from '@app/errors';
import { ApplicationsService, SeekerEventReads } from '@app/seeker-pool';
import { EventAttendee } from './event-attendee.entity';
import { EventEmployer } from './event-employer.entity';
import { EVENT_STATUS_ZH, OUTCOME_STAGE_ZH } from './event-lifecycle';
import { EventOutcome, OUTCOME_STAGES, OutcomeStage } from './event-outcome.entity';
import { EventsService } from './events.service';

export interface OutcomeInput {
  seekerId: string;
  shortageId: string;
  stage: OutcomeStage;
  note?: string;
}

export interface OutcomeView {
  outcome: EventOutcome;
  seekerName: string;
  employerName: string;
  shortageTitle: string;
}

/** From an intention on, an outcome flows into the seeker's application to the shortage. */
const APPLICATION_STEP: Record<OutcomeStage, 'applied' | 'interview' | 'offer' | 'hired' | null> = {
  talked: null,
  intention: 'applied',
  interview: 'interview',
  offer: 'offer',
  hire: 'hired',
};

/**
 * Outcomes at the booth, recorded by station staff or by the employer: talked → intention → interview → offer → hire.
 * A hire moves the application to hired and fills a position of the shortage through ApplicationsService and
 * ShortagesService, the one place where filled headcount changes.
 */
@Injectable()
export class EventOutcomesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventsService,
    private readonly applications: ApplicationsService,
    private readonly seekerEvents: SeekerEventReads,
  ) {}

  async record(principal: Principal, eventId: string, input: OutcomeInput): Promise<OutcomeView> {
    if (principal.role !== 'admin' && principal.role !== 'station_staff' && principal.role !== 'employer') throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    await this.events.findVisible(principal, eventId);
    const event = await this.events.lock(eventId);
    if (!['accepted', 'published', 'completed'].includes(event.status)) {
      throw new AppError(HttpStatus.CONFLICT, 'EVENT_NOT_ONGOING', { status: event.status, statusZh: EVENT_STATUS_ZH[event.status] });
    }
    const shortage = await this.txHost.tx.getRepository(Shortage).findOneBy({ id: input.shortageId });
    const participant = shortage ? await this.txHost.tx.getRepository(EventEmployer).findOneBy({ eventId, employerId: shortage.employerId }) : null;
    if (!shortage || !participant || (principal.role === 'employer' && shortage.employerId !== principal.employerId)) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'OUTCOME_SHORTAGE_NOT_AT_EVENT');
    }
    const attendee = await this.txHost.tx.getRepository(EventAttendee).findOneBy({ eventId, seekerId: input.seekerId });
    if (attendee?.status !== 'attended') throw new AppError(HttpStatus.CONFLICT, 'OUTCOME_NOT_ATTENDED');

    const repository = this.txHost.tx.getRepository(EventOutcome);
    let outcome = await repository.findOneBy({ eventId, seekerId: input.seekerId, shortageId: input.shortageId });
    const step = { stage: input.stage, at: new Date().toISOString(), actorId: principal.userId, role: principal.role, ...(input.note ? { note: input.note } : {}) };
    if (outcome) {
      const current = OUTCOME_STAGES.indexOf(outcome.stage);
      const next = OUTCOME_STAGES.indexOf(input.stage);
      if (next < current) {
        throw new AppError(HttpStatus.CONFLICT, 'OUTCOME_STAGE_BACKWARD', {
          current: outcome.stage, currentZh: OUTCOME_STAGE_ZH[outcome.stage], stage: input.stage, stageZh: OUTCOME_STAGE_ZH[input.stage],
        });
      }
      if (next === current) return this.view(outcome);
      outcome.stage = input.stage;
      outcome.history = [...outcome.history, step];
    } else {
      outcome = repository.create({ eventId, employerId: shortage.employerId, seekerId: input.seekerId, shortageId: shortage.id, stage: input.stage, history: [step] });
    }
    const target = APPLICATION_STEP[input.stage];
    if (target) {
      const note = `招聘活动“${event.title}”：${OUTCOME_STAGE_ZH[input.stage]}`;
      outcome.applicationId = (await this.applications.advanceFor(principal, input.seekerId, shortage.id, target, note)).id;
    }
    return this.view(await repository.save(outcome));
  }

  async list(principal: Principal, eventId: string, page: { offset: number; limit: number }): Promise<[OutcomeView[], number]> {
    await this.events.findVisible(principal, eventId);
    if (principal.role === 'seeker') throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    const qb = this.txHost.tx
      .getRepository(EventOutcome)
      .createQueryBuilder('o')
      .where('o.event_id = :eventId', { eventId })
      .orderBy('o.updatedAt', 'DESC')
      .addOrderBy('o.id')
      .skip(page.offset)
      .take(page.limit);
    if (principal.role === 'employer') qb.andWhere('o.employer_id = :employerId', { employerId: principal.employerId });
    const [rows, total] = await qb.getManyAndCount();
    return [await Promise.all(rows.map((row) => this.view(row))), total];
  }

  private async view(outcome: EventOutcome): Promise<OutcomeView> {
    const [row] = await this.txHost.tx.query(
      `SELECT (SELECT name FROM employer WHERE id = $1) AS employer, (SELECT title FROM shortage WHERE id = $2) AS shortage`,
      [outcome.employerId, outcome.shortageId],
    );
    const seekerName = (await this.seekerEvents.namesOf([outcome.seekerId])).get(outcome.seekerId) ?? '';
    return { outcome, seekerName, employerName: row.employer ?? '', shortageTitle: row.shortage ?? '' };
  }
}
