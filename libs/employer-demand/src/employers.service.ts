import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertMayAssignRegion, Principal } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { OutboxService } from '@app/database';
import { AppError } from '@app/errors';
import { LocationResolver } from '@app/geocoding';
import { EmployerDirectory } from './employer-directory.service';
import { Employer } from './employer.entity';
import { Pairing } from './pairing.entity';

/** Coordinates are optional: without them the employer is placed from its address and region (LocationResolver). */
export type EmployerInput = Pick<Employer, 'name' | 'creditCode' | 'industryCode' | 'sizeClass' | 'ownership' | 'regionCode' | 'address' | 'park' | 'contactName'> & {
  smsOnApplication?: boolean;
  lat?: number | null;
  lng?: number | null;
  contactPhone?: string | null;
};

@Injectable()
export class EmployersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly directory: EmployerDirectory,
    private readonly outbox: OutboxService,
    private readonly cipher: FieldCipher,
    private readonly locations: LocationResolver,
  ) {}

  /** Registers an employer. An officer who registers one is paired with it. A code on the abnormal list is refused. */
  async create(principal: Principal, input: EmployerInput): Promise<Employer> {
    assertMayAssignRegion(principal, input.regionCode);
    const creditCode = input.creditCode.toUpperCase();
    const existing = await this.repository.findOneBy({ creditCode });
    if (existing?.abnormal) throw new AppError(HttpStatus.FORBIDDEN, 'CREDIT_CODE_ABNORMAL', { creditCode });
    if (existing) throw new AppError(HttpStatus.CONFLICT, 'CREDIT_CODE_TAKEN', { creditCode });
    const { contactPhone, ...fields } = input;
    const location = await this.locations.locateRecord(input);
    const employer = await this.repository.save({ ...fields, ...location, creditCode, contactPhoneEncrypted: contactPhone ? this.cipher.encrypt(contactPhone) : null });
    if (principal.role === 'officer') {
      await this.txHost.tx.getRepository(Pairing).insert({ officerId: principal.userId, employerId: employer.id });
    }
    await this.outbox.record('employer.changed', employer.id);
    return employer;
  }

  async update(principal: Principal, id: string, changes: Partial<EmployerInput>): Promise<Employer> {
    const employer = await this.directory.getVisible(principal, id);
    if (changes.regionCode !== undefined) assertMayAssignRegion(principal, changes.regionCode);
    const { contactPhone, creditCode: _creditCodeIsPermanent, lat, lng, ...fields } = changes;
    const next = { address: fields.address ?? employer.address, regionCode: fields.regionCode ?? employer.regionCode, lat, lng };
    const location = await this.locations.locateRecord(next, employer);
    Object.assign(employer, fields, location);
    if (contactPhone !== undefined) employer.contactPhoneEncrypted = contactPhone ? this.cipher.encrypt(contactPhone) : null;
    await this.repository.save(employer);
    await this.outbox.record('employer.changed', employer.id);
    return employer;
  }

  /** Admins take an employer off the abnormal-entity list (after review), or put it there. */
  async setAbnormal(principal: Principal, id: string, abnormal: boolean): Promise<Employer> {
    const employer = await this.directory.getVisible(principal, id);
    employer.abnormal = abnormal;
    if (!abnormal) employer.blockedPostings = 0;
    await this.repository.save(employer);
    await this.outbox.record('employer.changed', employer.id);
    return employer;
  }

  private get repository() {
    return this.txHost.tx.getRepository(Employer);
  }
}

