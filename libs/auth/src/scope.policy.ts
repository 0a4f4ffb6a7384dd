import { HttpStatus } from '@nestjs/common';
import { AppError } from '@app/errors';
import { Principal } from './principal';

/**
 * Which records a caller may see: the one place these rules live. Repositories turn a scope into a
 * WHERE clause with `scopeCondition`; a record outside it answers 404 (see OutOfScopeError).
 *
 * - admin: everything in their region (everything, for a province admin without a region)
 * - officer: enterprises paired with them now, and those enterprises' records
 * - employer: their own enterprise's records
 * - seeker: their own profile and records
 * - station_staff: no enterprise records; their own stations and those stations' events (with invitees and
 *   check-ins); seekers on those events, registered by them at the desk, or living in their region (their account's
 *   region or a station's), e.g. a walk-in to check in or a seeker to invite; any other seeker id answers 404
 *
 * Recruitment events (`eventScope`): admin in region (by the station's region), officer reads their region's
 * events, station staff their stations' events, an employer the events it takes part in (once accepted), a seeker published
 * events and those they were invited to or registered for.
 */
export type EmployerScope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'paired'; officerId: string }
  | { kind: 'own'; employerId: string }
  | { kind: 'none' };

export type SeekerScope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'self'; seekerId: string }
  | { kind: 'staff'; userId: string; regionCode: string | null }
  | { kind: 'none' };

export function employerScope(principal: Principal): EmployerScope {
  switch (principal.role) {
    case 'admin':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'all' };
    case 'officer':
      return { kind: 'paired', officerId: principal.userId };
    case 'employer':
      return principal.employerId ? { kind: 'own', employerId: principal.employerId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export function seekerScope(principal: Principal): SeekerScope {
  switch (principal.role) {
    case 'admin':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'all' };
    case 'officer':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'all' };
    case 'seeker':
      return principal.seekerId ? { kind: 'self', seekerId: principal.seekerId } : { kind: 'none' };
    case 'station_staff':
      return { kind: 'staff', userId: principal.userId, regionCode: principal.regionCode };
    default:
      return { kind: 'none' };
  }
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The SQL condition for an employer scope, given the column holding the employer id and the column holding
 * its region code. Region codes match by prefix so a city admin sees its districts.
 */
export function employerScopeCondition(scope: EmployerScope, employerIdColumn: string, regionColumn: string): SqlCondition {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'region':
      return { sql: `${regionColumn} LIKE :scopeRegion`, params: { scopeRegion: `${regionPrefix(scope.regionCode)}%` } };
    case 'paired':
      return {
        sql: `EXISTS (SELECT 1 FROM pairing scope_pairing WHERE scope_pairing.employer_id = ${employerIdColumn}
               AND scope_pairing.officer_id = :scopeOfficer AND scope_pairing.ended_at IS NULL)`,
        params: { scopeOfficer: scope.officerId },
      };
    case 'own':
      return { sql: `${employerIdColumn} = :scopeEmployer`, params: { scopeEmployer: scope.employerId } };
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

export function seekerScopeCondition(scope: SeekerScope, seekerIdColumn: string, regionColumn: string): SqlCondition {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'region':
      return { sql: `${regionColumn} LIKE :scopeRegion`, params: { scopeRegion: `${regionPrefix(scope.regionCode)}%` } };
    case 'self':
      return { sql: `${seekerIdColumn} = :scopeSeeker`, params: { scopeSeeker: scope.seekerId } };
    case 'staff':
      return {
        sql: `(EXISTS (SELECT 1 FROM event_attendee scope_sa JOIN recruitment_event scope_se ON scope_se.id = scope_sa.event_id
                 JOIN station_staff scope_ss ON scope_ss.station_id = scope_se.station_id
                 WHERE scope_sa.seeker_id = ${seekerIdColumn} AND scope_ss.user_id = :scopeStaff)
               OR EXISTS (SELECT 1 FROM station_staff scope_ss2 JOIN station scope_st ON scope_st.id = scope_ss2.station_id
                 WHERE scope_ss2.user_id = :scopeStaff AND ${regionColumn} LIKE ${SQL_REGION_PREFIX('scope_st.region_code')} || '%')
               OR EXISTS (SELECT 1 FROM seeker scope_rs WHERE scope_rs.id = ${seekerIdColumn} AND scope_rs.registered_by = :scopeStaff)
               ${scope.regionCode ? `OR ${regionColumn} LIKE :scopeStaffRegion` : ''})`,
        params: { scopeStaff: scope.userId, ...(scope.regionCode ? { scopeStaffRegion: `${regionPrefix(scope.regionCode)}%` } : {}) },
      };
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

/** regionPrefix in SQL, over a region code column. */
const SQL_REGION_PREFIX = (column: string) =>
  `(CASE WHEN ${column} LIKE '%0000' THEN left(${column}, 2) WHEN ${column} LIKE '%00' THEN left(${column}, 4) ELSE ${column} END)`;

/** '460100' (海口市) covers '4601xx'; '460000' (the province) covers everything; a county covers itself. */
export function regionPrefix(regionCode: string): string {
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode;
}

export type StationScope = { kind: 'all' } | { kind: 'region'; regionCode: string } | { kind: 'staff'; userId: string } | { kind: 'none' };

export type EventScope =
  | StationScope
  | { kind: 'employer'; employerId: string }
  | { kind: 'seeker'; seekerId: string };

/** Stations: admins (in region) and officers (their region) see them; station staff see theirs. */
export function stationScope(principal: Principal): StationScope {
  switch (principal.role) {
    case 'admin':
    case 'officer':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'all' };
    case 'station_staff':
      return { kind: 'staff', userId: principal.userId };
    default:
      return { kind: 'none' };
  }
}

export function eventScope(principal: Principal): EventScope {
  switch (principal.role) {
    case 'employer':
      return principal.employerId ? { kind: 'employer', employerId: principal.employerId } : { kind: 'none' };
    case 'seeker':
      return principal.seekerId ? { kind: 'seeker', seekerId: principal.seekerId } : { kind: 'none' };
    default:
      return stationScope(principal);
  }
}

/** Who may change events (accept, edit, invite, check in): admins and the station's own staff; officers only read. */
export function mayManageEvents(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'station_staff';
}

export function stationScopeCondition(scope: StationScope, stationIdColumn: string, regionColumn: string): SqlCondition {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'region':
      return { sql: `${regionColumn} LIKE :scopeRegion`, params: { scopeRegion: `${regionPrefix(scope.regionCode)}%` } };
    case 'staff':
      return {
        sql: `EXISTS (SELECT 1 FROM station_staff scope_staff WHERE scope_staff.station_id = ${stationIdColumn} AND scope_staff.user_id = :scopeStaff)`,
        params: { scopeStaff: scope.userId },
      };
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * The SQL condition for an event scope, given the event's id, status and station columns and the station's
 * region column. A seeker sees published (and completed) events and those they were sent an invitation to or
 * registered for.
 */
export function eventScopeCondition(scope: EventScope, columns: { eventId: string; status: string; stationId: string; region: string }): SqlCondition {
  switch (scope.kind) {
    case 'employer':
      return {
        sql: `(${columns.status} NOT IN ('proposed', 'rejected') AND EXISTS (SELECT 1 FROM event_employer scope_ee
               WHERE scope_ee.event_id = ${columns.eventId} AND scope_ee.employer_id = :scopeEmployer))`,
        params: { scopeEmployer: scope.employerId },
      };
    case 'seeker':
      return {
        sql: `(${columns.status} IN ('published', 'completed') OR EXISTS (SELECT 1 FROM event_attendee scope_ea
               WHERE scope_ea.event_id = ${columns.eventId} AND scope_ea.seeker_id = :scopeSeeker
               AND (scope_ea.invited_at IS NOT NULL OR scope_ea.status <> 'invited')))`,
        params: { scopeSeeker: scope.seekerId },
      };
    default:
      return stationScopeCondition(scope, columns.stationId, columns.region);
  }
}

/**
 * An administrator's reach (security.md: "admin (province/city/county): their region's … records"): `null` for the
 * province administrator (no region, or 460000), otherwise the region code they are limited to. Not an admin: `undefined`.
 */
export function adminRegion(principal: Principal): string | null | undefined {
  if (principal.role !== 'admin') return undefined;
  if (!principal.regionCode || regionPrefix(principal.regionCode).length <= 2) return null;
  return principal.regionCode;
}

/** The province administrator: no region limit. Province-wide actions (a full re-match) are theirs alone. */
export function isProvinceAdmin(principal: Principal): boolean {
  return adminRegion(principal) === null;
}

/** Whether `regionCode` lies within `scopeRegion` (codes are hierarchical: a city covers its districts). */
export function regionWithin(regionCode: string | null | undefined, scopeRegion: string): boolean {
  return !!regionCode && regionCode.startsWith(regionPrefix(scopeRegion));
}

/**
 * Whether an administrator may give a record (a user, a station) this region: the province administrator any,
 * including none (the whole province); a regional administrator only a region within their own, never none.
 */
export function mayAssignRegion(principal: Principal, regionCode: string | null | undefined): boolean {
  const region = adminRegion(principal);
  if (region === undefined) return false;
  if (region === null) return true;
  return regionWithin(regionCode, region);
}

/** For an administrator: refuses (403 REGION_OUT_OF_SCOPE) a region they may not give. Other roles: no-op (their own rules apply). */
export function assertMayAssignRegion(principal: Principal, regionCode: string | null | undefined): void {
  if (principal.role !== 'admin' || mayAssignRegion(principal, regionCode)) return;
  throw new AppError(HttpStatus.FORBIDDEN, 'REGION_OUT_OF_SCOPE', { scopeRegion: principal.regionCode ?? '', region: regionCode ?? '—' });
}

/**
 * Accounts an administrator may see and manage: all for the province administrator; for a regional one, accounts
 * whose region is within theirs, and employer and seeker accounts whose enterprise or seeker is in the region.
 * Anyone else sees no accounts through the user administration.
 */
export type UserScope = { kind: 'all' } | { kind: 'region'; regionCode: string } | { kind: 'none' };

export function userScope(principal: Principal): UserScope {
  const region = adminRegion(principal);
  if (region === undefined) return { kind: 'none' };
  return region === null ? { kind: 'all' } : { kind: 'region', regionCode: region };
}

/** The SQL condition for a user scope over the app_user alias given. */
export function userScopeCondition(scope: UserScope, userAlias: string): SqlCondition {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'region':
      return {
        sql: `(${userAlias}.region_code LIKE :scopeUserRegion
               OR EXISTS (SELECT 1 FROM employer scope_ue WHERE scope_ue.id = ${userAlias}.employer_id AND scope_ue.region_code LIKE :scopeUserRegion)
               OR EXISTS (SELECT 1 FROM seeker scope_us WHERE scope_us.id = ${userAlias}.seeker_id AND scope_us.region_code LIKE :scopeUserRegion))`,
        params: { scopeUserRegion: `${regionPrefix(scope.regionCode)}%` },
      };
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

/**
 * The job-development plan (issue 20): which reporting units an account reports for. The province administrator
 * acts for every city, county, 洋浦 and member unit ('unit:…') and compiles; a regional administrator for the cities
 * and counties within their region (洋浦, a peer of the counties, only with 洋浦's own region); nobody else.
 */
export function mayReportFor(principal: Principal, reporter: string): boolean {
  const region = adminRegion(principal);
  if (region === undefined) return false;
  if (region === null) return true;
  if (reporter.startsWith('unit:')) return false;
  if (reporter.length > 6 || region.length > 6) return reporter === region;
  return reporter.startsWith(regionPrefix(region));
}
