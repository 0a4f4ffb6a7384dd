/**
 * The typed API client, generated from the platform's OpenAPI document (schema.ts, `npm run api:generate`):
 * openapi-fetch with the bearer token, Accept-Language of the chosen language, and errors as ApiError carrying
 * the server's `{statusCode, code, message}` (already in the user's language).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, getApiLanguage, getToken, withQuery, type Query } from '../app/api';
import type { paths } from './schema';

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', getApiLanguage());
    const token = getToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && getToken()) window.dispatchEvent(new Event('pes:signed-out'));
    return response;
  },
  onError({ error }) {
    if ((error as Error).name === 'AbortError') return error as Error;
    return networkError();
  },
};

export const client = createClient<paths>({
  baseUrl: '',
  // The API reads lists as comma-separated values and skips empty filters, as app/api.ts sends them.
  querySerializer: (query) => withQuery('', query as Query).replace(/^\?/, ''),
});
client.use(session);

export function networkError(): ApiError {
  return new ApiError(
    0,
    'NETWORK',
    getApiLanguage().startsWith('en') ? 'The server cannot be reached. Check the connection and try again.' : '无法连接服务器，请检查网络后重试。',
  );
}

type ErrorBody = { statusCode?: number; code?: string; message?: string | string[]; details?: unknown };

/** The data of a successful answer, or the server's error as an ApiError. */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  const { data, error, response } = await call;
  if (response.ok) return data as Exclude<R['data'], undefined>;
  const body = (error ?? {}) as ErrorBody;
  const message = Array.isArray(body.message) ? body.message.join('；') : body.message;
  throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, message ?? `${response.status} ${response.statusText}`, body.details);
}
