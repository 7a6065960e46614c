import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { apiLanguage } from '../i18n';
import { session } from '../lib/session';

/** Routes where a 401 means "wrong credentials", not "session expired". */
const NO_REFRESH_PATHS = new Set<string>([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/accept-invitation',
]);

/** Only an expired or revoked access token is worth a refresh (not e.g. a wrong current password). */
async function isSessionExpiry(response: Response): Promise<boolean> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : undefined;
  return code === undefined || code === 'UNAUTHENTICATED';
}

// Without middleware, so a refresh never recurses into the 401 handling below.
const bareClient = createClient<paths>({ baseUrl: '' });

let refreshing: Promise<boolean> | null = null;

async function refreshTokens(): Promise<boolean> {
  const refreshToken = session.tokens?.refreshToken;
  if (!refreshToken) return false;
  try {
    const { data, response } = await bareClient.POST('/api/v1/auth/refresh', {
      body: { refreshToken },
      headers: { 'Accept-Language': apiLanguage() },
    });
    if (!response.ok || !data) return false;
    session.set(data);
    return true;
  } catch {
    return false;
  }
}

/** Single flight: concurrent 401s share one refresh, since refresh tokens rotate. */
export function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshTokens().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withAuth(request: Request, accessToken: string | undefined): Request {
  const next = new Request(request);
  if (accessToken) next.headers.set('Authorization', `Bearer ${accessToken}`);
  return next;
}

// Request bodies are single-use, so keep a pristine copy of each request for the retry.
const pending = new Map<string, Request>();

const authMiddleware: Middleware = {
  onRequest({ request, id }) {
    request.headers.set('Accept-Language', apiLanguage());
    const accessToken = session.tokens?.accessToken;
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, schemaPath, id, request }) {
    const original = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || NO_REFRESH_PATHS.has(schemaPath) || !original) return response;
    if (!(await isSessionExpiry(response))) return response;

    const sentToken = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    // Another request may already have rotated the tokens while this one was in flight.
    const refreshed = sentToken !== session.tokens?.accessToken || (await refreshOnce());
    if (!refreshed || !session.tokens) {
      session.clear();
      return response;
    }
    const retried = await fetch(withAuth(original, session.tokens.accessToken));
    if (retried.status === 401) session.clear();
    return retried;
  },
  onError({ id }) {
    pending.delete(id);
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(authMiddleware);
