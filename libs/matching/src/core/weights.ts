/**
 * One weight per factor. Each factor value lies in [0, 1]; the score is the weighted mean of the values,
 * scaled to 0..100 (so only the ratios between weights matter).
 */
export interface MatchWeights {
  occupation: number;
  requiredSkills: number;
  preferredSkills: number;
  certificates: number;
  skillLevel: number;
  distance: number;
  wage: number;
  availability: number;
  workType: number;
  experience: number;
  priorityGroup: number;
}

/** Fixed factor order: the scalar path, the compiled kernel and explanations all sum in this order. */
export const FACTORS: readonly (keyof MatchWeights)[] = [
  'occupation',
  'requiredSkills',
  'preferredSkills',
  'certificates',
  'skillLevel',
  'distance',
  'wage',
  'availability',
  'workType',
  'experience',
  'priorityGroup',
];

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  /** The strongest signal: a seeker who wants or has done this trade. An unrelated trade must not be rescued by wage or distance alone. */
  occupation: 24,
  /** What the employer says the job cannot be done without; partial levels earn partial credit. */
  requiredSkills: 20,
  /** Nice to have: enough to reorder otherwise similar candidates, never enough to outrank a missing requirement. */
  preferredSkills: 6,
  /** Required certificates are often legal permits (特种作业操作证): nearly as heavy as required skills. */
  certificates: 14,
  /** The seeker's overall vocational level (职业技能等级) against the posting's minimum. */
  skillLevel: 6,
  /** Commuting is the main reason matched seekers decline (travel radius is the seeker's own limit). */
  distance: 10,
  /** Whether the top of the wage range reaches the seeker's expectation. */
  wage: 8,
  /** A seeker free a few weeks after the start date is still worth proposing: a small weight. */
  availability: 4,
  /** Full-time vs part-time, seasonal, gig: a mismatch is a preference, not a hard bar. */
  workType: 5,
  /** Years in the same occupation family (minor group); one year counts fully when the posting asks for none. */
  experience: 6,
  /**
   * The plan puts its priority groups (重点群体) first. A modest bonus: it reorders close candidates but does
   * not place an unsuited seeker above a suited one. Filled only with the seeker's consent.
   */
  priorityGroup: 5,
});

export function totalWeight(weights: MatchWeights): number {
  let total = 0;
  for (const factor of FACTORS) total += weights[factor];
  return total;
}
