import { useCallback, useEffect, useState } from 'react';
import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, type GetData, type GetParams, type GetPath } from '../api/client';
import { ApiError } from './api';

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

type UseApiArgs<P extends GetPath> = Partial<GetParams<P>> extends GetParams<P> ? [params?: GetParams<P>, options?: UseApiOptions] : [params: GetParams<P>, options?: UseApiOptions];
interface UseApiOptions {
  /** false: nothing to fetch yet (e.g. no id chosen). */
  enabled?: boolean;
}

/**
 * GETs a path of the generated schema through TanStack Query, again when its parameters or the language change
 * (messages are localized); while the next page or filter loads, the previous data stays on screen (keepPreviousData).
 * The data's type is the operation's success response, so a field the API drops or renames fails the typecheck.
 */
export function useApi<P extends GetPath>(path: P, ...[params, options]: UseApiArgs<P>): ApiState<GetData<P>> {
  const { i18n } = useTranslation();
  const result = useQuery<GetData<P>, ApiError>({
    queryKey: [path, params ?? {}, i18n.language],
    queryFn: ({ signal }) => get(path, params ?? ({} as GetParams<P>), signal),
    enabled: options?.enabled ?? true,
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
