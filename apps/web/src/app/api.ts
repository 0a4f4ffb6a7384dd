/** The API client: bearer token, Accept-Language of the chosen language, errors as ApiError with the server's message. */

const TOKEN_KEY = 'pes.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let language = 'zh-CN';

export const getToken = () => token;
export function setToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}
export function setApiLanguage(value: string): void {
  language = value;
}
export const getApiLanguage = () => language;

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', language.startsWith('en') ? 'The server cannot be reached. Check the connection and try again.' : '无法连接服务器，请检查网络后重试。');
  }
  if (!response.ok) {
    let payload: { code?: string; message?: string | string[]; details?: unknown } = {};
    try {
      payload = await response.json();
    } catch {
      /* not JSON */
    }
    if (response.status === 401 && token) window.dispatchEvent(new Event('pes:signed-out'));
    const message = Array.isArray(payload.message) ? payload.message.join('；') : payload.message;
    throw new ApiError(response.status, payload.code ?? `HTTP_${response.status}`, message ?? `${response.status} ${response.statusText}`, payload.details);
  }
  return response;
}

/** JSON in, JSON out; 204 gives undefined. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? response.json() : response.text()) as Promise<T>;
}

/** The response with its status (for routes that answer 200 or 202). */
export async function apiWithStatus<T = unknown>(path: string, options: RequestOptions = {}): Promise<{ status: number; body: T }> {
  const response = await send(path, options);
  return { status: response.status, body: (await response.json()) as T };
}

export async function apiBlob(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(path, { query });
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: star ? decodeURIComponent(star[1]) : plain ? plain[1] : null };
}

/** Downloads a file the API makes (Excel, calendar, export) with the caller's token; nothing personal goes in the URL. */
export async function download(path: string, fallbackName: string, query?: Query): Promise<void> {
  const { blob, fileName } = await apiBlob(path, query);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

