import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { employerScope, employerScopeCondition, Principal } from '@app/auth';
import { OutboxService } from '@app/database';
import { isLive, Shortage, ShortagesService } from '@app/employer-demand';
import { AppError, OutOfScopeError } from '@app/errors';
import { canMove, roleMayMove } from './application-flow';
import { Application, ApplicationStatus } from './application.entity';

export interface ApplicationFilter {
  offset: number;
  limit: number;
  shortageId?: string;
  status?: ApplicationStatus;
}

/** 投递: applying once, moving through the hiring steps, and sharing contact details with the employer. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly shortages: ShortagesService,
    private readonly outbox: OutboxService,
  ) {}

  /** Applies to a live shortage; applying again returns the existing application (`created: false`). */
  async apply(principal: Principal, shortageId: string): Promise<{ application: Application; created: boolean }> {
    const seekerId = this.seekerOf(principal);
    const existing = await this.repository.findOneBy({ seekerId, shortageId });
    if (existing) return { application: existing, created: false };
    const shortage = await this.txHost.tx.getRepository(Shortage).findOneBy({ id: shortageId });
    if (!shortage) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (!isLive(shortage.status)) throw new AppError(HttpStatus.CONFLICT, 'SHORTAGE_NOT_OPEN');
    const inserted = await this.repository
      .createQueryBuilder()
      .insert()
      .values({ seekerId, shortageId, status: 'applied', history: [{ status: 'applied', at: new Date().toISOString(), actorId: principal.userId }] })
      .orIgnore()
      .returning('id')
      .execute();
    // A concurrent duplicate loses the unique-key race and gets the winner's row.
    const application = await this.repository.findOneByOrFail({ seekerId, shortageId });
    if (inserted.identifiers.length) await this.outbox.record('application.changed', application.id);
    return { application, created: inserted.identifiers.length > 0 };
  }

  list(principal: Principal, filter: ApplicationFilter): Promise<[Application[], number]> {
    const qb = this.visibleTo(principal).orderBy('a.createdAt', 'DESC').addOrderBy('a.id').skip(filter.offset).take(filter.limit);
    if (filter.shortageId) qb.andWhere('a.shortage_id = :shortageId', { shortageId: filter.shortageId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    return qb.getManyAndCount();
  }

  async get(principal: Principal, id: string): Promise<Application> {
    const application = await this.visibleTo(principal).andWhere('a.id = :id', { id }).getOne();
    if (application) return application;
    throw (await this.repository.existsBy({ id })) ? new OutOfScopeError('application') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  /** Moves an application one step; a hire fills a position of the shortage. */
  async move(principal: Principal, id: string, to: ApplicationStatus, note?: string): Promise<Application> {
    // Row lock first: concurrent moves of one application run one after another, each seeing the last one's status.
    await this.repository.createQueryBuilder('a').select('a.id').where('a.id = :id', { id }).setLock('pessimistic_write').getRawOne();
    const application = await this.get(principal, id);
    const from = application.status;
    if (!roleMayMove(principal.role, to) || !canMove(from, to)) throw new AppError(HttpStatus.CONFLICT, 'APPLICATION_MOVE_NOT_ALLOWED', { from, to });
    application.status = to;
    application.history = [...application.history, { status: to, at: new Date().toISOString(), actorId: principal.userId, ...(note ? { note } : {}) }];
    await this.repository.save(application);
    await this.outbox.record('application.changed', application.id);
    if (to === 'hired') await this.recordHire(application, principal.userId);
    return application;
  }

  /**
   * Moves a seeker's application to a shortage up to `target` for the employer side (an outcome recorded at a
   * recruitment event): creates it when missing and takes every step in between through the same transitions,
   * outbox rows and, for a hire, the shortage's filled headcount as any other move. An application already at or
   * beyond the target is returned unchanged.
   */
  async advanceFor(actor: Principal, seekerId: string, shortageId: string, target: 'applied' | 'interview' | 'offer' | 'hired', note?: string): Promise<Application> {
    let application = await this.repository.findOne({ where: { seekerId, shortageId }, lock: { mode: 'pessimistic_write' } });
    if (!application) {
      const shortage = await this.txHost.tx.getRepository(Shortage).findOneBy({ id: shortageId });
      if (!shortage) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
      if (!isLive(shortage.status)) throw new AppError(HttpStatus.CONFLICT, 'SHORTAGE_NOT_OPEN');
      await this.repository
        .createQueryBuilder()
        .insert()
        .values({ seekerId, shortageId, status: 'applied', history: [{ status: 'applied', at: new Date().toISOString(), actorId: actor.userId, ...(note ? { note } : {}) }] })
        .orIgnore()
        .execute();
      application = await this.repository.findOneOrFail({ where: { seekerId, shortageId }, lock: { mode: 'pessimistic_write' } });
      await this.outbox.record('application.changed', application.id);
    }
    const order: ApplicationStatus[] = ['applied', 'viewed', 'interview', 'offer', 'hired'];
    const from = order.indexOf(application.status);
    if (from < 0) throw new AppError(HttpStatus.CONFLICT, 'APPLICATION_MOVE_NOT_ALLOWED', { from: application.status, to: target });
    const steps = (['interview', 'offer', 'hired'] as const).filter((step) => order.indexOf(step) > from && order.indexOf(step) <= order.indexOf(target));
    for (const to of steps) {
      if (!roleMayMove(actor.role, to) || !canMove(application.status, to)) {
        throw new AppError(HttpStatus.CONFLICT, 'APPLICATION_MOVE_NOT_ALLOWED', { from: application.status, to });
      }
      application.status = to;
      application.history = [...application.history, { status: to, at: new Date().toISOString(), actorId: actor.userId, ...(note ? { note } : {}) }];
      await this.repository.save(application);
      await this.outbox.record('application.changed', application.id);
      if (to === 'hired') await this.recordHire(application, actor.userId);
    }
    return application;
  }

  /** A hire fills a position of the shortage and may open a candidate subsidy claim (免申即享, outbox). */
  private async recordHire(application: Application, actorId: string): Promise<void> {
    await this.shortages.recordHire(application.shortageId, actorId);
    await this.outbox.record('subsidy.hire_recorded', application.id);
  }

  async shareContact(principal: Principal, id: string): Promise<Application> {
    const application = await this.get(principal, id);
    if (principal.role !== 'seeker') throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    application.contactShared = true;
    await this.repository.save(application);
    return application;
  }

  /** A seeker sees their own applications; the employer side sees applications to shortages in its scope. */
  private visibleTo(principal: Principal) {
    const qb = this.repository.createQueryBuilder('a').innerJoinAndSelect('a.shortage', 's').innerJoinAndSelect('s.employer', 'e').innerJoinAndSelect('a.seeker', 'p');
    if (principal.role === 'seeker') return qb.where('a.seeker_id = :self', { self: principal.seekerId ?? '00000000-0000-0000-0000-000000000000' });
    const scope = employerScopeCondition(employerScope(principal), 's.employer_id', 's.region_code');
    return qb.where(scope.sql, scope.params);
  }

  private seekerOf(principal: Principal): string {
    if (!principal.seekerId) throw new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN');
    return principal.seekerId;
  }

  private get repository() {
    return this.txHost.tx.getRepository(Application);
  }
}
