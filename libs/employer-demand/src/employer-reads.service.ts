import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Employer } from './employer.entity';

/**
 * Employer demand's read port for other domains: intention-named reads of the `employer` table. Unscoped: callers
 * check scope first (EmployerDirectory). Runs in the caller's transaction.
 */
@Injectable()
export class EmployerReads {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The region code of an employer; null when there is no such employer. */
  async regionOf(employerId: string): Promise<string | null> {
    const employer = await this.txHost.tx.getRepository(Employer).findOne({ where: { id: employerId }, select: ['id', 'regionCode'] });
    return employer?.regionCode ?? null;
  }
}
