import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Query } from './api';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing yet) and again when the query or the language changes (messages are localized). */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const { i18n } = useTranslation();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);
  const key = path === null ? null : `${path}|${JSON.stringify(query ?? {})}|${i18n.language}|${version}`;

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<T>(path, { query, signal: controller.signal })
      .then((value) => setData(value))
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
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
