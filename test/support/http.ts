import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const DEMO_PASSWORD = 'Lianmeng-Demo-2024';

/** A view as it arrives over HTTP, parsed from JSON: its dates are ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  language?: 'zh-CN' | 'en';
}

/** A small HTTP client over Fastify's inject: real routing, guards, pipes and filters, no socket. */
export class Http {
  constructor(private readonly app: NestFastifyApplication) {}

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.language) headers['accept-language'] = options.language;
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body === undefined
        ? {}
        : typeof options.body === 'string'
          ? { payload: options.body }
          : { payload: options.body as object }),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      body: (type.includes('json') ? response.json() : response.body) as T,
      headers: response.headers as Reply['headers'],
    };
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, options);
  }

  post<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', url, { ...options, body });
  }

  put<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', url, { ...options, body });
  }

  patch<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', url, { ...options, body });
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const reply = await this.post<{ accessToken: string; refreshToken: string }>('/api/v1/auth/login', {
      email,
      password,
    });
    if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async token(email: string): Promise<string> {
    return (await this.login(email)).accessToken;
  }
}
