/**
 * The typed API client, generated from the platform's OpenAPI document (schema.ts, `npm run api:generate`):
 * openapi-fetch with the bearer token, Accept-Language of the chosen language, and errors as ApiError carrying
 * the server's `{statusCode, code, message}` (already in the user's language).
 */
import createClient, { type ClientPathsWithMethod, type MethodResponse, type Middleware } from 'openapi-fetch';
import { ApiError, getApiLanguage, getToken, withQuery, type Query } from '../app/api';
import type { paths } from './schema';

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', getApiLanguage());
    const token = getToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // Only a refusal of this tab's current token signs it out: an anonymous call that was still on its way when the
    // user signed in (the registration form's address preview) is refused as anonymous, not as her session.
    const token = getToken();
    if (response.status === 401 && token && request.headers.get('authorization') === `Bearer ${token}`) {
      window.dispatchEvent(new Event('pes:signed-out'));
    }
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
  const message = Array.isArray(body.message) ? body.message.join(getApiLanguage().startsWith('en') ? '; ' : '；') : body.message;
  throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, message ?? `${response.status} ${response.statusText}`, body.details);
}

/** A path the API answers GET on, its parameters (path, query) and its success body, all from the generated schema. */
export type GetPath = ClientPathsWithMethod<typeof client, 'get'>;
export type GetParams<P extends GetPath> = paths[P]['get']['parameters'];
export type GetData<P extends GetPath> = MethodResponse<typeof client, 'get', P>;

// openapi-fetch cannot resolve its init type for a path that is still generic; the exported signatures above keep callers typed.
const getUntyped = client.GET as unknown as (path: string, init: { params: unknown; signal?: AbortSignal; parseAs?: 'blob' }) => ReturnType<typeof client.GET>;

/** GET of a generated path: its success body, or the server's error as an ApiError. */
export function get<P extends GetPath>(path: P, params: GetParams<P>, signal?: AbortSignal): Promise<GetData<P>> {
  return unwrap(getUntyped(path, { params, signal })) as Promise<GetData<P>>;
}

/** A file the API makes (Excel, calendar, ticket), with the name the server gives it. */
export async function getFile<P extends GetPath>(path: P, params: GetParams<P>): Promise<{ blob: Blob; fileName: string | null }> {
  const answer = await getUntyped(path, { params, parseAs: 'blob' });
  const blob = (await unwrap(Promise.resolve(answer))) as unknown as Blob;
  const disposition = answer.response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob, fileName: star ? decodeURIComponent(star[1]) : plain ? plain[1] : null };
}

/** Downloads a file the API makes with the caller's token; nothing personal goes in the URL. */
export async function download<P extends GetPath>(path: P, params: GetParams<P>, fallbackName: string): Promise<void> {
  const { blob, fileName } = await getFile(path, params);
  saveFile(blob, fileName ?? fallbackName);
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
