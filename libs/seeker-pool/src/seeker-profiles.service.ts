import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccountCache, assertMayAssignRegion, Principal, User, UsersService } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { isUniqueViolation, OutboxService } from '@app/database';
import { AppError } from '@app/errors';
import { LocationResolver } from '@app/geocoding';
import { parseResidentId } from '@app/identifiers';
import { Application } from './application.entity';
import { PriorityGroupCode, Seeker } from './seeker.entity';
import { seekerExportWorkbook } from './seeker-export-workbook';

/** What a person fills in; gender and birth date come from the ID number, the rest is the platform's. */
export type SeekerProfileInput = Pick<
  Seeker,
  | 'name' | 'regionCode' | 'address' | 'lat' | 'lng' | 'travelRadiusKm' | 'desiredOccupations' | 'skills' | 'certificates' | 'skillLevel'
  | 'education' | 'experience' | 'wageExpectation' | 'availableFrom' | 'workTypes' | 'languages' | 'priorityGroups' | 'consentSensitiveMatching'
> &
  Partial<Pick<Seeker, 'educationHistory' | 'workHistory' | 'jobSeekingStatus' | 'selfIntroduction'>> & {
  residentId: string;
  phone: string | null;
  /** Home township picked from the list (NBS code): locates the seeker when no coordinates are given. Not stored. */
  townshipCode?: string | null;
};

export interface SeekerAccountInput {
  username: string;
  password: string;
  /** The version of the privacy policy and terms agreed to on the form (recorded with the time). */
  termsVersion?: string | null;
}

/**
 * Seeker profiles: self-registration with an account, assisted registration of walk-ins by staff, edits,
 * consent, export and deletion. ID number and phone are stored encrypted with blind indexes only.
 */
@Injectable()
export class SeekerProfilesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly locations: LocationResolver,
    private readonly accounts: AccountCache,
  ) {}

  async registerSelf(input: SeekerProfileInput, account: SeekerAccountInput): Promise<{ seeker: Seeker; user: User }> {
    const seeker = await this.insert(input, null);
    // The account shows her name (any script); the sign-in phone is her profile's number.
    const user = await this.users.create({ ...account, role: 'seeker', displayName: input.name, seekerId: seeker.id, phone: input.phone });
    return { seeker, user };
  }

  /** Walk-in registration at a station (or by an officer): the staff member is recorded. */
  registerAssisted(principal: Principal, input: SeekerProfileInput): Promise<Seeker> {
    assertMayAssignRegion(principal, input.regionCode); // a regional administrator registers seekers of their region
    return this.insert(input, principal.userId);
  }

  async updateOwn(principal: Principal, changes: Partial<Omit<SeekerProfileInput, 'residentId'>>): Promise<Seeker> {
    const seeker = await this.own(principal);
    const { phone, townshipCode, ...fields } = changes;
    const location = await this.relocate(seeker, fields, townshipCode ?? null);
    Object.assign(seeker, fields, location);
    if (phone !== undefined) {
      Object.assign(seeker, this.phoneColumns(phone));
      await this.users.setPhone(principal.userId, phone); // the sign-in phone follows the profile's number
    }
    if (fields.name) {
      await this.txHost.tx.getRepository(User).update(principal.userId, { displayName: fields.name });
      this.accounts.invalidate(principal.userId);
    }
    // A seeker cannot verify their own priority groups: verification stays with staff.
    if (fields.priorityGroups) seeker.priorityGroups = fields.priorityGroups.map((claim) => ({ ...claim, verifiedBy: null }));
    await this.repository.save(seeker);
    await this.outbox.record('seeker.changed', seeker.id);
    return seeker;
  }

  /** Separate consent to use sensitive categories in matching; withdrawing removes them from matching and the index. */
  async setConsent(principal: Principal, consent: boolean): Promise<Seeker> {
    const seeker = await this.own(principal);
    seeker.consentSensitiveMatching = consent;
    await this.repository.save(seeker);
    await this.outbox.record('seeker.changed', seeker.id);
    return seeker;
  }

  async verifyPriorityGroup(principal: Principal, seeker: Seeker, group: PriorityGroupCode): Promise<Seeker> {
    const claim = seeker.priorityGroups.find((c) => c.group === group);
    if (!claim) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    claim.verifiedBy = principal.userId;
    await this.repository.save(seeker);
    await this.outbox.record('seeker.changed', seeker.id);
    return seeker;
  }

  /** Everything the platform holds about the seeker, decrypted for them alone. */
  async exportOwn(principal: Principal) {
    const seeker = await this.own(principal);
    const applications = await this.txHost.tx.getRepository(Application).findBy({ seekerId: seeker.id });
    const { residentIdEncrypted, residentIdHash: _r, phoneEncrypted, phoneHash: _p, ...profile } = seeker;
    return {
      exportedAt: new Date().toISOString(),
      profile: { ...profile, residentId: this.cipher.decrypt(residentIdEncrypted), phone: phoneEncrypted ? this.cipher.decrypt(phoneEncrypted) : null },
      applications: applications.map(({ id, shortageId, status, history, contactShared, createdAt }) => ({ id, shortageId, status, history, contactShared, createdAt })),
    };
  }

  /** Her own ID number and phone in full (the page shows them masked); the route that calls this is audited. */
  async revealOwn(principal: Principal): Promise<{ residentId: string; phone: string | null }> {
    const seeker = await this.own(principal);
    return { residentId: this.cipher.decrypt(seeker.residentIdEncrypted), phone: seeker.phoneEncrypted ? this.cipher.decrypt(seeker.phoneEncrypted) : null };
  }

  /** The data export as an Excel workbook a person can read (ID and phone masked there, as in every export). */
  async exportOwnWorkbook(principal: Principal): Promise<Buffer> {
    const seeker = await this.own(principal);
    const applications = await this.txHost.tx.getRepository(Application).findBy({ seekerId: seeker.id });
    const { residentId, phone } = await this.revealOwn(principal);
    return seekerExportWorkbook(seeker, residentId, phone, applications, new Date());
  }

  /**
   * Deletes the profile, its applications and the account (with its code records and consent); the outbox row lets
   * the index drop the document. What stays is the audit log (kept at least 180 days: the database refuses earlier
   * deletion), which holds ids, routes and addresses, never her ID number or phone.
   */
  async deleteOwn(principal: Principal): Promise<void> {
    const seeker = await this.own(principal);
    await this.txHost.tx.getRepository(User).delete({ id: principal.userId });
    this.accounts.invalidate(principal.userId);
    await this.repository.delete({ id: seeker.id });
    await this.outbox.record('seeker.changed', seeker.id);
  }

  private async insert(input: SeekerProfileInput, registeredBy: string | null): Promise<Seeker> {
    const identity = parseResidentId(input.residentId);
    if (!identity) throw new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST');
    const residentIdHash = this.cipher.blindIndex(input.residentId);
    if (await this.repository.existsBy({ residentIdHash })) throw new AppError(HttpStatus.CONFLICT, 'SEEKER_ALREADY_REGISTERED');
    const { residentId, phone, townshipCode, ...profile } = input;
    const location = await this.locations.resolve({ ...profile, townshipCode });
    const row = {
      ...profile,
      lat: location.lat,
      lng: location.lng,
      locationPrecision: location.locationPrecision,
      priorityGroups: profile.priorityGroups.map((claim) => ({ ...claim, verifiedBy: null })),
      residentIdEncrypted: this.cipher.encrypt(residentId),
      residentIdHash,
      ...this.phoneColumns(phone),
      gender: identity.gender,
      birthDate: identity.birthDate,
      registeredBy,
    };
    let seeker: Seeker;
    try {
      seeker = await this.repository.save(row);
    } catch (error) {
      // A concurrent registration of the same person committed between the check and the insert.
      if (isUniqueViolation(error, 'seeker_resident_id_hash_key')) throw new AppError(HttpStatus.CONFLICT, 'SEEKER_ALREADY_REGISTERED');
      throw error;
    }
    await this.outbox.record('seeker.changed', seeker.id);
    return seeker;
  }

  /**
   * An edit moves the home location when it gives new coordinates, a township, or a new address or region;
   * coordinates sent back unchanged keep their precision.
   */
  private async relocate(seeker: Seeker, changes: Partial<SeekerProfileInput>, townshipCode: string | null) {
    const next = {
      address: changes.address ?? seeker.address,
      regionCode: changes.regionCode ?? seeker.regionCode,
      lat: changes.lat === undefined ? seeker.lat : changes.lat,
      lng: changes.lng === undefined ? seeker.lng : changes.lng,
    };
    const sameCoordinates = next.lat === seeker.lat && next.lng === seeker.lng;
    const placeChanged = next.address !== seeker.address || next.regionCode !== seeker.regionCode;
    const keep = sameCoordinates && !townshipCode && seeker.locationPrecision !== null && (!placeChanged || seeker.locationPrecision === 'point');
    if (keep) return { lat: seeker.lat, lng: seeker.lng, locationPrecision: seeker.locationPrecision };
    const found = await this.locations.resolve(sameCoordinates ? { ...next, lat: null, lng: null, townshipCode } : { ...next, townshipCode });
    return { lat: found.lat, lng: found.lng, locationPrecision: found.locationPrecision };
  }

  private phoneColumns(phone: string | null) {
    return phone ? { phoneEncrypted: this.cipher.encrypt(phone), phoneHash: this.cipher.blindIndex(phone) } : { phoneEncrypted: null, phoneHash: null };
  }

  private async own(principal: Principal): Promise<Seeker> {
    const seeker = principal.seekerId ? await this.repository.findOneBy({ id: principal.seekerId }) : null;
    if (!seeker) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    return seeker;
  }

  private get repository() {
    return this.txHost.tx.getRepository(Seeker);
  }
}
