import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { employerScope, employerScopeCondition, Principal } from '@app/auth';
import { likeContains } from '@app/database';
import { AppError, OutOfScopeError } from '@app/errors';
import { Employer } from './employer.entity';

export interface EmployerFilter {
  offset: number;
  limit: number;
  regionCode?: string;
  /** Name or credit code fragment. */
  q?: string;
}

/** Reads employers within the caller's scope (scope.policy.ts decides what that is). */
@Injectable()
export class EmployerDirectory {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  listVisible(principal: Principal, filter: EmployerFilter): Promise<[Employer[], number]> {
    const qb = this.visibleTo(principal).orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').skip(filter.offset).take(filter.limit);
    if (filter.regionCode) qb.andWhere('e.region_code LIKE :region', { region: `${filter.regionCode}%` });
    if (filter.q) qb.andWhere('(e.name ILIKE :q OR e.credit_code = :code)', { q: likeContains(filter.q), code: filter.q.toUpperCase() });
    return qb.getManyAndCount();
  }

  /** The employer, or 404 whether it is missing or outside the caller's scope. */
  async getVisible(principal: Principal, id: string): Promise<Employer> {
    const employer = await this.visibleTo(principal).andWhere('e.id = :id', { id }).getOne();
    if (employer) return employer;
    const exists = await this.txHost.tx.getRepository(Employer).existsBy({ id });
    throw exists ? new OutOfScopeError('employer') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  private visibleTo(principal: Principal) {
    const scope = employerScopeCondition(employerScope(principal), 'e.id', 'e.region_code');
    return this.txHost.tx.getRepository(Employer).createQueryBuilder('e').where(scope.sql, scope.params);
  }
}

