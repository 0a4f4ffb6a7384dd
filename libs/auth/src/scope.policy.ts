import { Principal } from './principal';

/**
 * Which records a caller may see: the one place these rules live. Repositories turn a scope into a
 * WHERE clause with `scopeCondition`; a record outside it answers 404 (see OutOfScopeError).
 *
 * - admin: everything in their region (everything, for a province admin without a region)
 * - officer: enterprises paired with them now, and those enterprises' records
 * - employer: their own enterprise's records
 * - seeker: their own profile and records
 * - station_staff: no enterprise records; seekers reach them through their stations' events (added with events)
 */
export type EmployerScope =
  | { kind: 'all' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'paired'; officerId: string }
  | { kind: 'own'; employerId: string }
  | { kind: 'none' };

export type SeekerScope = { kind: 'all' } | { kind: 'region'; regionCode: string } | { kind: 'self'; seekerId: string } | { kind: 'none' };

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
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

/** '460100' (海口市) covers '4601xx'; '460000' (the province) covers everything; a county covers itself. */
export function regionPrefix(regionCode: string): string {
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode;
}
