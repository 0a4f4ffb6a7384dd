import { useCallback, useEffect, useState } from 'react';
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Query } from './api';

/** The console's query cache: no retry (the message is shown at once, as before), no refetch on focus. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { retry: false },
  },
});

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * GETs `path` (null: nothing yet) through TanStack Query, again when the query or the language changes (messages are
 * localized); while the next page or filter loads, the previous data stays on screen (keepPreviousData).
 * `T` is one of the generated response types (api/types.ts).
 */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const { i18n } = useTranslation();
  const result = useQuery<T, ApiError>({
    queryKey: [path, query ?? {}, i18n.language],
    queryFn: ({ signal }) => api<T>(path!, { query, signal }),
    enabled: path !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = result;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: result.data, error: result.error ?? undefined, loading: result.isFetching, reload };
}

/** A value that settles `delay` ms after the last change (e.g. the posting screen while an officer types). */
export function useDebounced<T>(value: T, delay = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Offset paging of a list route shown in an antd Table: the `offset`/`limit` query, a jump back to the first page (filters changed), and the table's pagination. */
export function usePaging(limit: number) {
  const [page, setPage] = useState({ offset: 0, limit });
  const firstPage = useCallback(() => setPage((p) => ({ ...p, offset: 0 })), []);
  const pagination = (total: number | undefined) => ({
    current: page.offset / page.limit + 1,
    pageSize: page.limit,
    total: total ?? 0,
    showSizeChanger: false,
    onChange: (n: number) => setPage({ offset: (n - 1) * page.limit, limit: page.limit }),
  });
  return { page, firstPage, pagination };
}
