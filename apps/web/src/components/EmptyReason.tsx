import { useEffect } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmptyReason as EmptyReasonData } from '../api/types';
export type { EmptyReasonData };

/** How often an empty list whose matching is still pending is read again. */
const PENDING_POLL_MS = 3000;

/** The i18n key of a reason: location_missing and none_eligible have a variant (province only; some near fits). */
function reasonKey(side: 'shortage' | 'seeker', reason: EmptyReasonData): string {
  let code: string = reason.code;
  if (code === 'location_missing' && reason.params.regionOnly) code = 'location_missing_province';
  if (code === 'none_eligible' && reason.params.nearFit) code = 'none_eligible_nearFit';
  return `emptyReasons.${side}.${code}`;
}

/**
 * The reason a list is empty, in the console's language (the API's own text for a code this console does not
 * know); `fallback` when the API gave none. While matching is pending the list is read again every few seconds.
 */
export function EmptyReasonState({
  side,
  reason,
  fallback,
  reload,
}: {
  side: 'shortage' | 'seeker';
  reason: EmptyReasonData | null | undefined;
  fallback: string;
  reload?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const pending = reason?.code === 'matching_pending';
  useEffect(() => {
    if (!pending || !reload) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, reload, reason]);
  if (!reason) return <Empty description={fallback} />;
  const key = reasonKey(side, reason);
  const text = i18n.exists(key) ? t(key, { inReach: reason.params.inReach ?? 0, nearFit: reason.params.nearFit ?? 0 }) : i18n.language.startsWith('en') ? reason.en : reason.zh;
  return <Empty description={<span data-empty-reason={reason.code}>{text}</span>} />;
}
