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

  /** What a subsidy claim needs of an employer (name, credit code, size, ownership, region); null when there is none. */
  async claimFacts(employerId: string): Promise<Pick<Employer, 'id' | 'name' | 'creditCode' | 'sizeClass' | 'ownership' | 'regionCode' | 'abnormal'> | null> {
    return this.txHost.tx
      .getRepository(Employer)
      .findOne({ where: { id: employerId }, select: ['id', 'name', 'creditCode', 'sizeClass', 'ownership', 'regionCode', 'abnormal'] });
  }

  /** The region code of an employer; null when there is no such employer. */
  async regionOf(employerId: string): Promise<string | null> {
    const employer = await this.txHost.tx.getRepository(Employer).findOne({ where: { id: employerId }, select: ['id', 'regionCode'] });
    return employer?.regionCode ?? null;
  }

  /** Where an employer is and what it does: name, region, industry and coordinates (null when unknown). */
  async placeOf(employerId: string): Promise<{ id: string; name: string; regionCode: string; industryCode: string; lat: number | null; lng: number | null } | null> {
    const employer = await this.txHost.tx
      .getRepository(Employer)
      .findOne({ where: { id: employerId }, select: ['id', 'name', 'regionCode', 'industryCode', 'lat', 'lng'] });
    return employer ? { id: employer.id, name: employer.name, regionCode: employer.regionCode, industryCode: employer.industryCode, lat: employer.lat, lng: employer.lng } : null;
  }
}
