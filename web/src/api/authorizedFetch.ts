import { apiLanguage } from '../i18n';
import { session } from '../lib/session';
import { refreshOnce } from './client';
import { toApiError } from './errors';

function send(url: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', apiLanguage());
  const token = session.tokens?.accessToken;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

/**
 * A request the typed client cannot make (a multipart upload, an image's bytes) with the session's
 * token; an expired token is refreshed once and the request retried, as the typed client does.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await send(url, init);
  if (response.status !== 401 || !(await refreshOnce())) return response;
  return send(url, init);
}

/** Uploads one file as the `file` part of a multipart body; throws the API's error on failure. */
export async function uploadFile<T>(url: string, file: Blob, fileName: string): Promise<T> {
  const body = new FormData();
  body.append('file', file, fileName);
  const response = await authorizedFetch(url, { method: 'POST', body });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(json, response);
  return json as T;
}
