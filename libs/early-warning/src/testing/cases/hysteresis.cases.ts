import { HysteresisCase } from '../case';

/** On after N consecutive periods, off after M clear periods, a minimum duration (default N 2, M 3, duration 3). */
export const HYSTERESIS_CASES: HysteresisCase[] = [
  { name: 'nothing raw, nothing published', raw: [0, 0, 0], expect: [0, 0, 0] },
  { name: 'one period at IV does not turn the alert on', raw: [1, 0, 0], expect: [0, 0, 0] },
  { name: 'two consecutive periods turn it on', raw: [1, 1], expect: [0, 1] },
  { name: 'alternating periods never turn it on', raw: [2, 0, 2, 0, 2, 0], expect: [0, 0, 0, 0, 0, 0] },
  { name: 'on at the highest level held for N periods', raw: [3, 3], expect: [0, 3] },
  { name: 'III then II: on at III (reached for two periods)', raw: [2, 3], expect: [0, 2] },
  { name: 'rising: IV then III once held for two periods', raw: [1, 1, 2, 2], expect: [0, 1, 1, 2] },
  { name: 'stays on while raw stays', raw: [2, 2, 2, 2, 2], expect: [0, 2, 2, 2, 2] },
  { name: 'off only after three clear periods', raw: [2, 2, 2, 2, 0, 0, 0], expect: [0, 2, 2, 2, 2, 2, 0] },
  { name: 'two clear periods are not enough', raw: [2, 2, 2, 2, 0, 0, 2], expect: [0, 2, 2, 2, 2, 2, 2] },
  { name: 'a clear run broken by one bad period starts again', raw: [2, 2, 2, 0, 0, 2, 0, 0, 0], expect: [0, 2, 2, 2, 2, 2, 2, 2, 0] },
  { name: 'minimum duration holds the alert even when clear at once', raw: [2, 2, 0, 0, 0, 0], h: [2, 1, 4], expect: [0, 2, 2, 2, 2, 0] },
  { name: 'off after M=1 once the duration is over', raw: [2, 2, 2, 2, 0], h: [2, 1, 3], expect: [0, 2, 2, 2, 0] },
  { name: 'lowered to the level held through the clear periods', raw: [3, 3, 3, 3, 1, 2, 1], expect: [0, 3, 3, 3, 3, 3, 2] },
  { name: 'lowered to IV when IV held throughout', raw: [4, 4, 4, 4, 1, 1, 1], expect: [0, 4, 4, 4, 4, 4, 1] },
  { name: 'N=1: on at once', raw: [3, 0], h: [1, 3, 3], expect: [3, 3] },
  { name: 'N=3: needs three periods', raw: [2, 2, 2], h: [3, 3, 3], expect: [0, 0, 2] },
  { name: 'rises within an alert regardless of duration', raw: [1, 1, 4, 4], expect: [0, 1, 1, 4] },
  { name: 'a rise restarts the minimum duration', raw: [1, 1, 1, 3, 3, 0, 0, 0, 0], h: [2, 1, 4], expect: [0, 1, 1, 1, 3, 3, 3, 3, 0] },
  { name: 'on again after off needs N periods', raw: [2, 2, 2, 2, 0, 0, 0, 2, 2], expect: [0, 2, 2, 2, 2, 2, 0, 0, 2] },
  { name: 'seasonal one-month spike each year never turns on', raw: [0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0], expect: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  { name: 'held at III through a long run of II, then lowered to II', raw: [2, 2, 1, 1, 1, 1], expect: [0, 2, 2, 2, 1, 1] },
];
