import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertMayAssignRegion, Principal, regionPrefix, stationScope, stationScopeCondition, User, userScope, userScopeCondition } from '@app/auth';
import { OutboxService } from '@app/database';
import { AppError, OutOfScopeError } from '@app/errors';
import { LocationPrecision, LocationResolver } from '@app/geocoding';
import { StationStaff } from './station-staff.entity';
import { Station, StationType } from './station.entity';

export interface StationFilter {
  offset: number;
  limit: number;
  region?: string;
  type?: StationType;
  q?: string;
}

/** Coordinates are optional: without them the station is placed from its address and region (LocationResolver). */
export type StationInput = Pick<Station, 'name' | 'type' | 'regionCode' | 'address' | 'capacity' | 'booths'> &
  Partial<Pick<Station, 'openingHours' | 'park' | 'openWeekdays' | 'closedFrom' | 'closedUntil'>> & { lat?: number | null; lng?: number | null };

/** The registry of 就业驿站, 零工市场 and 人力资源市场: admins manage it; staff see their own stations. */
@Injectable()
export class StationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly locations: LocationResolver,
  ) {}

  list(principal: Principal, filter: StationFilter): Promise<[Station[], number]> {
    const qb = this.visibleTo(principal).orderBy('st.regionCode').addOrderBy('st.name').addOrderBy('st.id').skip(filter.offset).take(filter.limit);
    if (filter.region) qb.andWhere('st.region_code LIKE :region', { region: `${regionPrefix(filter.region)}%` });
    if (filter.type) qb.andWhere('st.type = :type', { type: filter.type });
    if (filter.q) qb.andWhere('(st.name LIKE :q OR st.address LIKE :q)', { q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    return qb.getManyAndCount();
  }

  async get(principal: Principal, id: string): Promise<Station> {
    const station = await this.visibleTo(principal).andWhere('st.id = :id', { id }).getOne();
    if (station) return station;
    throw (await this.repository.existsBy({ id })) ? new OutOfScopeError('station') : new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
  }

  async create(principal: Principal, input: StationInput): Promise<Station> {
    assertMayAssignRegion(principal, input.regionCode);
    // A new station has no events yet; event planning reads the station registry when it plans.
    const location = await this.place(await this.locations.locateRecord(input));
    return this.repository.save({ ...input, ...location, openingHours: input.openingHours ?? '', park: input.park ?? null });
  }

  async update(principal: Principal, id: string, changes: Partial<StationInput>): Promise<Station> {
    const station = await this.get(principal, id);
    if (changes.regionCode !== undefined) assertMayAssignRegion(principal, changes.regionCode);
    const closedFrom = changes.closedFrom !== undefined ? changes.closedFrom : station.closedFrom;
    const closedUntil = changes.closedUntil !== undefined ? changes.closedUntil : station.closedUntil;
    if (closedUntil && (!closedFrom || closedUntil < closedFrom)) throw new AppError(HttpStatus.BAD_REQUEST, 'STATION_CLOSURE_INVALID', { closedFrom, closedUntil });
    const venue = venueOf(station);
    const room = roomOf(station);
    // A field the request left out is no change (a DTO instance may carry it as undefined).
    const { lat, lng, ...fields } = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<StationInput>;
    const next = { address: fields.address ?? station.address, regionCode: fields.regionCode ?? station.regionCode, lat, lng };
    const location = await this.place(await this.locations.locateRecord(next, station));
    Object.assign(station, fields, location);
    await this.repository.save(station);
    if (venueOf(station) !== venue) {
      // The venue moved: everyone told of the station's upcoming events hears of it (an `event.changed` notice per event).
      // Proposals tell nobody yet, and the next planning reads the registry as it is then.
      const events: { id: string }[] = await this.txHost.tx.query(
        `SELECT id FROM recruitment_event WHERE station_id = $1 AND status IN ('accepted', 'published') AND ends_at > now() ORDER BY id`,
        [station.id],
      );
      await this.outbox.recordMany('event.changed', events.map((event) => event.id));
    }
    // Fewer places or days: its upcoming events are re-planned (moved, trimmed or withdrawn) by the matcher.
    if (roomOf(station) !== room) await this.outbox.record('station.changed', station.id);
    return station;
  }

  async staff(stationId: string): Promise<{ userId: string; username: string; displayName: string }[]> {
    return this.txHost.tx.query(
      `SELECT u.id AS "userId", u.username, u.display_name AS "displayName" FROM station_staff ss JOIN app_user u ON u.id = ss.user_id
       WHERE ss.station_id = $1 ORDER BY u.username`,
      [stationId],
    );
  }

  /** Adds a station staff account to a station (an account may serve several). */
  async addStaff(principal: Principal, stationId: string, userId: string): Promise<void> {
    await this.get(principal, stationId);
    const users = userScopeCondition(userScope(principal), 'u');
    const user = await this.txHost.tx.getRepository(User).createQueryBuilder('u').where(users.sql, users.params).andWhere('u.id = :userId', { userId }).getOne();
    if (!user || user.role !== 'station_staff') throw new AppError(HttpStatus.BAD_REQUEST, 'NOT_STATION_STAFF', { userId });
    await this.txHost.tx.createQueryBuilder().insert().into(StationStaff).values({ stationId, userId }).orIgnore().execute();
  }

  async removeStaff(principal: Principal, stationId: string, userId: string): Promise<void> {
    await this.get(principal, stationId);
    await this.txHost.tx.getRepository(StationStaff).delete({ stationId, userId });
  }

  /** A station always has a point (event planning measures from it); a valid region always gives one. */
  private async place(found: { lat: number | null; lng: number | null; locationPrecision: LocationPrecision | null }) {
    if (found.lat === null || found.lng === null || !found.locationPrecision) throw new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST');
    return { lat: found.lat, lng: found.lng, locationPrecision: found.locationPrecision };
  }

  private visibleTo(principal: Principal) {
    const scope = stationScopeCondition(stationScope(principal), 'st.id', 'st.region_code');
    return this.repository.createQueryBuilder('st').where(scope.sql, scope.params);
  }

  private get repository() {
    return this.txHost.tx.getRepository(Station);
  }
}

/** Where a station's events take place, as registrants are told it. */
export function venueOf(station: Pick<Station, 'name' | 'address' | 'lat' | 'lng'>): string {
  return [station.name, station.address, station.lat ?? '', station.lng ?? ''].join('|');
}

/** When and how many a station can host: a change re-plans its events. */
function roomOf(station: Pick<Station, 'capacity' | 'booths' | 'openWeekdays' | 'closedFrom' | 'closedUntil'>): string {
  return [station.capacity, station.booths, [...station.openWeekdays].sort().join(','), station.closedFrom ?? '', station.closedUntil ?? ''].join('|');
}
