import { EscalationCase } from '../case';

/** W4: 2 h for I and II, 12 h for III, none for IV; each limit unacknowledged moves the alert one tier up. */
export const ESCALATION_CASES: EscalationCase[] = [
  { name: 'IV never escalates', level: 'IV', nowHours: 100, expect: { tier: 'county', steps: [], nextHours: null } },
  { name: 'I at 1 h 59: not yet', level: 'I', nowHours: 1.99, expect: { tier: 'county', steps: [], nextHours: 2 } },
  { name: 'I at exactly 2 h: escalated to the city', level: 'I', nowHours: 2, expect: { tier: 'city', steps: [2], nextHours: 4 } },
  { name: 'I at 4 h: escalated to the province', level: 'I', nowHours: 4, expect: { tier: 'province', steps: [2, 4], nextHours: null } },
  { name: 'I at 10 h: the province is the top, two steps only', level: 'I', nowHours: 10, expect: { tier: 'province', steps: [2, 4], nextHours: null } },
  { name: 'II at 2 h: escalated', level: 'II', nowHours: 2, expect: { tier: 'city', steps: [2], nextHours: 4 } },
  { name: 'II at 3 h: one step', level: 'II', nowHours: 3, expect: { tier: 'city', steps: [2], nextHours: 4 } },
  { name: 'III at 2 h: not yet (12 h limit)', level: 'III', nowHours: 2, expect: { tier: 'county', steps: [], nextHours: 12 } },
  { name: 'III at 11 h 59: not yet', level: 'III', nowHours: 11.99, expect: { tier: 'county', steps: [], nextHours: 12 } },
  { name: 'III at 12 h: escalated', level: 'III', nowHours: 12, expect: { tier: 'city', steps: [12], nextHours: 24 } },
  { name: 'III at 30 h: province', level: 'III', nowHours: 30, expect: { tier: 'province', steps: [12, 24], nextHours: null } },
  { name: 'I acknowledged at 1 h: never escalates', level: 'I', nowHours: 10, ackHours: 1, expect: { tier: 'county', steps: [], nextHours: null } },
  { name: 'I acknowledged at exactly 2 h: not escalated', level: 'I', nowHours: 10, ackHours: 2, expect: { tier: 'county', steps: [], nextHours: null } },
  { name: 'I acknowledged at 3 h: one step, then stops', level: 'I', nowHours: 10, ackHours: 3, expect: { tier: 'city', steps: [2], nextHours: null } },
  { name: 'III acknowledged at 13 h: one step', level: 'III', nowHours: 40, ackHours: 13, expect: { tier: 'city', steps: [12], nextHours: null } },
  { name: 'acknowledgement recorded after now is not seen yet', level: 'II', nowHours: 2.5, ackHours: 3, expect: { tier: 'city', steps: [2], nextHours: 4 } },
  { name: 'raised at the city: one step to the province', level: 'I', nowHours: 5, tier: 'city', expect: { tier: 'province', steps: [2], nextHours: null } },
  { name: 'raised at the province: nowhere higher', level: 'I', nowHours: 5, tier: 'province', expect: { tier: 'province', steps: [], nextHours: null } },
  { name: 'III raised at the city at 12 h: province', level: 'III', nowHours: 12, tier: 'city', expect: { tier: 'province', steps: [12], nextHours: null } },
  { name: 'at the moment of raising: nothing due', level: 'II', nowHours: 0, expect: { tier: 'county', steps: [], nextHours: 2 } },
  { name: 'IV acknowledged or not: nothing', level: 'IV', nowHours: 48, ackHours: 40, expect: { tier: 'county', steps: [], nextHours: null } },
  { name: 'II acknowledged at 3.5 h after reaching the city: stays at the city', level: 'II', nowHours: 6, ackHours: 3.5, expect: { tier: 'city', steps: [2], nextHours: null } },
];
