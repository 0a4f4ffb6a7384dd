import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  /** The body's bytes (a downloaded file). */
  raw: Buffer;
}

/** Small helper over Fastify's inject(): JSON in, JSON out, optional bearer token. */
export class HttpClient {
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly token?: string,
  ) {}

  as(token: string): HttpClient {
    return new HttpClient(this.app, token);
  }

  get<T = any>(url: string, headers: Record<string, string> = {}) {
    return this.request<T>('GET', url, undefined, headers);
  }

  post<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', url, body, headers);
  }

  patch<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('PATCH', url, body, headers);
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    const text = response.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (docs page); keep text
    }
    return { status: response.statusCode, body: parsed as T, headers: response.headers, raw: response.rawPayload };
  }

  async login(username: string, password: string): Promise<HttpClient> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this.as(response.body.accessToken);
  }
}
