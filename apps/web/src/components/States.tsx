import { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ApiState } from '../app/hooks';

/** The API's message (already in the user's language) as an alert, with a retry. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.errorTitle')}
      description={error.message}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const { t } = useTranslation();
  return <Empty description={description ?? t('common.empty')} />;
}

interface AsyncProps<T> {
  state: ApiState<T>;
  /** When the data counts as empty (default: an empty `items` list). */
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  children(data: T): ReactNode;
}

/** Loading, error and empty states around data from the API. */
export function Async<T>({ state, isEmpty, empty, children }: AsyncProps<T>) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return state.loading ? <Skeleton active aria-busy="true" /> : null;
  const emptyNow = isEmpty ? isEmpty(state.data) : Array.isArray((state.data as { items?: unknown[] }).items) && (state.data as { items: unknown[] }).items.length === 0;
  if (emptyNow) return <>{typeof empty === 'string' || empty === undefined ? <EmptyState description={empty} /> : empty}</>;
  return <>{children(state.data)}</>;
}
