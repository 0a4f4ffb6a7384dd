import { ShortageStatus } from './shortage.entity';

/**
 * draft → screening → open (published) → partially_filled → filled; closed or expired from any live state. A live
 * shortage goes back to screening when an edit or a new rule set sends it to review.
 * `partially_filled` and `filled` follow recorded hires only; nobody moves a shortage there by hand.
 */
const NEXT: Record<ShortageStatus, readonly ShortageStatus[]> = {
  draft: ['screening', 'open', 'closed'],
  screening: ['open', 'partially_filled', 'draft', 'closed'],
  open: ['partially_filled', 'filled', 'closed', 'expired', 'screening', 'draft'],
  partially_filled: ['filled', 'closed', 'expired', 'open', 'screening'],
  filled: ['partially_filled', 'closed'],
  closed: [],
  expired: [],
};

export const canTransition = (from: ShortageStatus, to: ShortageStatus): boolean => NEXT[from].includes(to);

/** A live shortage: published and not yet filled, closed or expired. The one home of this rule, in code and in SQL. */
export const LIVE_SHORTAGE_STATUSES: readonly ShortageStatus[] = ['open', 'partially_filled'];

/** A shortage that has not ended (not filled, closed or expired): it may still be edited, and it expires at its deadline. */
export const UNENDED_SHORTAGE_STATUSES: readonly ShortageStatus[] = ['draft', 'screening', ...LIVE_SHORTAGE_STATUSES];

export const isLive = (status: ShortageStatus): boolean => LIVE_SHORTAGE_STATUSES.includes(status);

/** Shortages whose content may still be edited (an edit of a published one is screened again). */
export const isEditable = (status: ShortageStatus): boolean => UNENDED_SHORTAGE_STATUSES.includes(status);

const column = (alias: string | undefined, name: string) => (alias ? `${alias}.${name}` : name);
const sqlList = (statuses: readonly ShortageStatus[]) => `(${statuses.map((s) => `'${s}'`).join(', ')})`;

/** `status IN ('open', 'partially_filled')` for the shortage table (or the given alias): the SQL form of `isLive`. */
export const liveShortageSql = (alias?: string): string => `${column(alias, 'status')} IN ${sqlList(LIVE_SHORTAGE_STATUSES)}`;

/** A live shortage that still has open places (headcount not yet filled): the shortages matching and planning work on. */
export const liveShortageWithPlacesSql = (alias?: string): string =>
  `${liveShortageSql(alias)} AND ${column(alias, 'headcount')} > ${column(alias, 'filled_headcount')}`;

/** The SQL form of `isEditable`: a shortage that has not ended. */
export const unendedShortageSql = (alias?: string): string => `${column(alias, 'status')} IN ${sqlList(UNENDED_SHORTAGE_STATUSES)}`;

/** The status that matches the filled headcount of a live shortage. */
export function statusForFill(headcount: number, filled: number): ShortageStatus {
  if (filled >= headcount) return 'filled';
  return filled > 0 ? 'partially_filled' : 'open';
}
