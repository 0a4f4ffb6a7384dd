import { PlanningOptions } from './types';

export type ResolvedPlanningOptions = Required<Omit<PlanningOptions, 'familyNames'>> & Pick<PlanningOptions, 'familyNames'>;

export const DEFAULT_PLANNING_OPTIONS = {
  leadTimeDays: 3,
  horizonDays: 90,
  catchmentKm: 30,
  minClusterHeadcount: 3,
  strongScore: 0.7,
  strongPerOpening: 2,
  deadlineSoonDays: 14,
  attendanceRate: 0.4,
  priorityShare: 0.3,
  minEmployers: 3,
  minExpectedAttendance: 15,
  maxEventsPerStationWeek: 2,
} as const;

/** Defaults filled in and checked. @throws RangeError on a value that makes no sense */
export function resolvePlanningOptions(options: PlanningOptions): ResolvedPlanningOptions {
  const resolved = { ...DEFAULT_PLANNING_OPTIONS, ...definedOnly(options), today: options.today };
  const out: ResolvedPlanningOptions = {
    ...resolved,
    maxInviteesPerEmployerSeat: options.maxInviteesPerEmployerSeat ?? 1 / resolved.attendanceRate,
  };
  check(Number.isInteger(out.leadTimeDays) && out.leadTimeDays >= 0, 'leadTimeDays must be a whole number >= 0');
  check(Number.isInteger(out.horizonDays) && out.horizonDays > 0, 'horizonDays must be a whole number > 0');
  check(out.catchmentKm > 0, 'catchmentKm must be > 0');
  check(out.attendanceRate > 0 && out.attendanceRate <= 1, 'attendanceRate must be in (0, 1]');
  check(out.priorityShare >= 0 && out.priorityShare <= 1, 'priorityShare must be in [0, 1]');
  check(out.maxInviteesPerEmployerSeat >= 1, 'maxInviteesPerEmployerSeat must be >= 1');
  check(out.minClusterHeadcount >= 0, 'minClusterHeadcount must be >= 0');
  check(Number.isInteger(out.minEmployers) && out.minEmployers >= 1, 'minEmployers must be a whole number >= 1');
  check(out.minExpectedAttendance >= 0, 'minExpectedAttendance must be >= 0');
  check(Number.isInteger(out.maxEventsPerStationWeek) && out.maxEventsPerStationWeek >= 1, 'maxEventsPerStationWeek must be a whole number >= 1');
  return out;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(message);
}
