import type { PriorityGroupClaim } from './seeker.entity';

/**
 * A seeker's priority-group membership (就业困难人员, 脱贫劳动力 …) counts only with their separate consent to the use of
 * sensitive categories (`consent_sensitive_matching`). The one home of that rule: in code for loaded seekers, in SQL
 * for queries that read the `seeker` table (under any alias).
 */
export interface PriorityFacts {
  priorityGroups: readonly Pick<PriorityGroupClaim, 'group'>[] | null;
  consentSensitiveMatching: boolean;
}

/** The groups that count for this seeker: none without consent. */
export function countedPriorityGroups(seeker: PriorityFacts): string[] {
  return seeker.consentSensitiveMatching ? (seeker.priorityGroups ?? []).map((claim) => claim.group) : [];
}

/** Whether the seeker counts as a member of a priority group. */
export function countsAsPriority(seeker: PriorityFacts): boolean {
  return countedPriorityGroups(seeker).length > 0;
}

/** SQL boolean: the `countsAsPriority` of the seeker row `alias`. */
export const countsAsPrioritySql = (alias: string): string =>
  `(${alias}.consent_sensitive_matching AND jsonb_array_length(${alias}.priority_groups) > 0)`;

/** SQL text[]: the distinct groups that count for the seeker row `alias`; NULL without consent or without groups. */
export const countedPriorityGroupsSql = (alias: string): string =>
  `CASE WHEN ${alias}.consent_sensitive_matching` +
  ` THEN (SELECT array_agg(DISTINCT g ->> 'group') FROM jsonb_array_elements(${alias}.priority_groups) g WHERE g ->> 'group' IS NOT NULL) END`;
