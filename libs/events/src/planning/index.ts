export * from './types';
export { DEFAULT_PLANNING_OPTIONS, resolvePlanningOptions } from './options';
export type { ResolvedPlanningOptions } from './options';
export { clusterDemand, occupationFamily, selectUnmet, unmetCauses } from './clusters';
export type { DemandCluster, UnmetCause, UnmetEntry } from './clusters';
export { planEvents } from './planner';
export { meetsMinimums, planRecruitment, weekStart } from './recruitment-plan';
export { epochDay } from './calendar';
