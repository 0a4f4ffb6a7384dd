import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Role, UsersService } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { Employer, Pairing } from '@app/employer-demand';
import { makeCreditCode, makeResidentId, parseResidentId } from '@app/identifiers';
import { Seeker } from '@app/seeker-pool';

export const TEST_PASSWORD = 'Test-password-2025';

let sequence = 0;
const next = () => ++sequence;

/** Builders that write real rows through the app's own services and DataSource. */
export class Factories {
  constructor(private readonly app: INestApplicationContext) {}

  private get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async user(role: Role, fields: { employerId?: string; seekerId?: string; regionCode?: string; username?: string } = {}) {
    const n = next();
    return this.app.get(UsersService).create({
      username: fields.username ?? `${role.replace('_', '-')}-${n}-${Date.now() % 100000}`,
      password: TEST_PASSWORD,
      role,
      displayName: `${role} ${n}`,
      employerId: fields.employerId ?? null,
      seekerId: fields.seekerId ?? null,
      regionCode: fields.regionCode ?? null,
    });
  }

  async employer(fields: Partial<Employer> = {}): Promise<Employer> {
    const n = next();
    const body = `91460100MA${String(n).padStart(7, '0')}`;
    return this.dataSource.getRepository(Employer).save({
      name: `测试企业${n}有限公司`,
      creditCode: makeCreditCode(body),
      industryCode: '8514',
      sizeClass: 'small',
      ownership: 'private',
      regionCode: '460100',
      address: '海口市龙华区滨海大道1号',
      lat: 20.03,
      lng: 110.33,
      ...fields,
    });
  }

  async pairing(officerId: string, employerId: string): Promise<Pairing> {
    return this.dataSource.getRepository(Pairing).save({ officerId, employerId });
  }

  async endPairing(pairingId: string): Promise<void> {
    await this.dataSource.getRepository(Pairing).update(pairingId, { endedAt: new Date() });
  }

  async seeker(fields: Partial<Seeker> = {}, phone = `1390000${String(next()).padStart(4, '0')}`): Promise<Seeker> {
    const n = next();
    const residentId = makeResidentId('460100', '1995-03-15', String(n % 1000).padStart(3, '0'));
    const parsed = parseResidentId(residentId)!;
    const cipher = this.app.get(FieldCipher);
    return this.dataSource.getRepository(Seeker).save({
      name: `求职者${n}`,
      residentIdEncrypted: cipher.encrypt(residentId),
      residentIdHash: cipher.blindIndex(residentId),
      phoneEncrypted: cipher.encrypt(phone),
      phoneHash: cipher.blindIndex(phone),
      gender: parsed.gender,
      birthDate: parsed.birthDate,
      regionCode: '460100',
      ...fields,
    });
  }
}
