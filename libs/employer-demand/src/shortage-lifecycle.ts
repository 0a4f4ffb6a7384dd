import { ShortageStatus } from './shortage.entity';

/**
 * draft → screening → open (published) → partially_filled → filled; closed or expired from any live state.
 * `partially_filled` and `filled` follow recorded hires only; nobody moves a shortage there by hand.
 */
const NEXT: Record<ShortageStatus, readonly ShortageStatus[]> = {
  draft: ['screening', 'open', 'closed'],
  screening: ['open', 'draft', 'closed'],
  open: ['partially_filled', 'filled', 'closed', 'expired', 'screening', 'draft'],
  partially_filled: ['filled', 'closed', 'expired', 'open'],
  filled: ['partially_filled', 'closed'],
  closed: [],
  expired: [],
};

export const canTransition = (from: ShortageStatus, to: ShortageStatus): boolean => NEXT[from].includes(to);

export const isLive = (status: ShortageStatus): boolean => status === 'open' || status === 'partially_filled';

/** Shortages whose content may still be edited (an edit of a published one is screened again). */
export const isEditable = (status: ShortageStatus): boolean => ['draft', 'screening', 'open', 'partially_filled'].includes(status);

/** The status that matches the filled headcount of a live shortage. */
export function statusForFill(headcount: number, filled: number): ShortageStatus {
  if (filled >= headcount) return 'filled';
  return filled > 0 ? 'partially_filled' : 'open';
}
