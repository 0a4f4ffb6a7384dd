import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';
import { Principal, regionPrefix, User, userScope, userScopeCondition } from '@app/auth';
import { AppError } from '@app/errors';
import { EmployerDirectory } from './employer-directory.service';
import { Pairing } from './pairing.entity';

export interface PairingFilter {
  offset: number;
  limit: number;
  officerId?: string;
  employerId?: string;
  /** Only pairings in force (default), or the whole history. */
  includeEnded?: boolean;
}

/** 用工结对: who is responsible for which enterprise, since when and until when. History is kept. */
@Injectable()
export class PairingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly employers: EmployerDirectory,
  ) {}

  /** Admins see every pairing in their scope; an officer sees their own. */
  list(principal: Principal, filter: PairingFilter): Promise<[Pairing[], number]> {
    const qb = this.repository.createQueryBuilder('p').innerJoin('p.employer', 'e').orderBy('p.startedAt', 'DESC').addOrderBy('p.id');
    if (principal.role === 'officer') qb.andWhere('p.officer_id = :self', { self: principal.userId });
    if (principal.role === 'admin' && principal.regionCode) qb.andWhere('e.region_code LIKE :region', { region: `${regionPrefix(principal.regionCode)}%` });
    if (filter.officerId) qb.andWhere('p.officer_id = :officerId', { officerId: filter.officerId });
    if (filter.employerId) qb.andWhere('p.employer_id = :employerId', { employerId: filter.employerId });
    if (!filter.includeEnded) qb.andWhere('p.ended_at IS NULL');
    return qb.skip(filter.offset).take(filter.limit).getManyAndCount();
  }

  async pair(principal: Principal, officerId: string, employerId: string): Promise<Pairing> {
    await this.employers.getVisible(principal, employerId);
    const scope = userScopeCondition(userScope(principal), 'u');
    const officer = await this.txHost.tx.getRepository(User).createQueryBuilder('u').where(scope.sql, scope.params).andWhere('u.id = :officerId', { officerId }).getOne();
    if (officer?.role !== 'officer') throw new AppError(HttpStatus.BAD_REQUEST, 'NOT_AN_OFFICER', { userId: officerId });
    const active = await this.repository.existsBy({ officerId, employerId, endedAt: IsNull() });
    if (active) throw new AppError(HttpStatus.CONFLICT, 'PAIRING_EXISTS');
    const pairing = await this.repository.save({ officerId, employerId });
    return pairing;
  }

  async end(principal: Principal, id: string): Promise<Pairing> {
    const pairing = await this.repository.findOneBy({ id });
    if (!pairing) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    await this.employers.getVisible(principal, pairing.employerId);
    if (!pairing.endedAt) {
      pairing.endedAt = new Date();
      await this.repository.save(pairing);
    }
    return pairing;
  }

  private get repository() {
    return this.txHost.tx.getRepository(Pairing);
  }
}
