import { shanghaiDate } from '@app/clock/shanghai-calendar';
import { entryOn } from './parameters';
import { WarningBook } from './parameter-book';
import { Level } from './types';

/** Who an unacknowledged alert goes to next: the region's own office, then the city, then the province. */
export const TIERS = ['county', 'city', 'province'] as const;
export type Tier = (typeof TIERS)[number];

export interface AlertTiming {
  level: Level;
  raisedAt: Date;
  acknowledgedAt?: Date;
  /** The tier the alert was raised at. */
  tier: Tier;
}

export interface EscalationStep {
  at: Date;
  from: Tier;
  to: Tier;
}

export interface Escalation {
  /** Escalations that have fallen due by `now`, oldest first. */
  steps: EscalationStep[];
  /** When the next escalation falls due if nobody acknowledges, or null (acknowledged, level without a limit, top tier). */
  nextAt: Date | null;
  /** The tier that holds the alert at `now`. */
  tier: Tier;
}

/**
 * Escalation of an alert under the reporting limits (2 h for I and II, 12 h for III): each limit that passes without
 * an acknowledgement moves the alert one tier up; an acknowledgement at or before the instant stops it. Pure: the
 * caller passes `now` from the injected Clock.
 */
export function escalation(alert: AlertTiming, now: Date, book: WarningBook): Escalation {
  const hours = entryOn(book.escalationHours, shanghaiDate(alert.raisedAt))?.value[alert.level] ?? null;
  const steps: EscalationStep[] = [];
  let tierIndex = TIERS.indexOf(alert.tier);
  if (hours === null) return { steps, nextAt: null, tier: alert.tier };
  const stopAt = alert.acknowledgedAt && alert.acknowledgedAt.getTime() <= now.getTime() ? alert.acknowledgedAt.getTime() : Infinity;
  let due = alert.raisedAt.getTime() + hours * 3_600_000;
  while (tierIndex < TIERS.length - 1 && due <= now.getTime() && due < stopAt) {
    steps.push({ at: new Date(due), from: TIERS[tierIndex], to: TIERS[tierIndex + 1] });
    tierIndex++;
    due += hours * 3_600_000;
  }
  const nextAt = stopAt !== Infinity || tierIndex === TIERS.length - 1 ? null : new Date(due);
  return { steps, nextAt, tier: TIERS[tierIndex] };
}
