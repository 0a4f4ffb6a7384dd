import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Principal, seekerScope, seekerScopeCondition } from '@app/auth';
import { AppError, OutOfScopeError } from '@app/errors';
import { Seeker } from './seeker.entity';

/** Reads seeker profiles within the caller's scope (scope.policy.ts decides what that is). */
@Injectable()
export class SeekerDirectory {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The profile, or 404 whether it is missing or outside the caller's scope. */
  async getVisible(principal: Principal, id: string): Promise<Seeker> {
    const scope = seekerScopeCondition(seekerScope(principal), 's.id', 's.region_code');
    const seeker = await this.txHost.tx
      .getRepository(Seeker)
      .createQueryBuilder('s')
      .where(scope.sql, scope.params)
      .andWhere('s.id = :id', { id })
      .getOne();
    if (seeker) return seeker;
    const exists = await this.txHost.tx.getRepository(Seeker).existsBy({ id });
    throw exists ? new OutOfScopeError('seeker') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  /**
   * The regions whose seekers the caller may search: `null` for no limit (the province administrator, and officers
   * or admins without a region), otherwise region codes (a regional admin's or officer's region; station staff: their
   * account's region and their stations' regions, as the seeker scope allows; none at all: an empty list, so nothing
   * is found).
   */
  async searchRegions(principal: Principal): Promise<string[] | null> {
    const scope = seekerScope(principal);
    if (scope.kind === 'all') return null;
    if (scope.kind === 'region') return [scope.regionCode];
    if (scope.kind !== 'staff') return [];
    const rows: { region: string }[] = await this.txHost.tx.query(
      `SELECT DISTINCT st.region_code AS region FROM station_staff ss JOIN station st ON st.id = ss.station_id WHERE ss.user_id = $1`,
      [scope.userId],
    );
    return [...new Set([...(scope.regionCode ? [scope.regionCode] : []), ...rows.map((row) => row.region)])];
  }

  /** Every id names a seeker in the caller's scope; otherwise 404, whether one is missing or outside the scope. */
  async assertAllVisible(principal: Principal, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const scope = seekerScopeCondition(seekerScope(principal), 's.id', 's.region_code');
    const visible = await this.txHost.tx
      .getRepository(Seeker)
      .createQueryBuilder('s')
      .where(scope.sql, scope.params)
      .andWhere('s.id IN (:...ids)', { ids: unique })
      .getCount();
    if (visible < unique.length) throw new OutOfScopeError('seeker');
  }
}
