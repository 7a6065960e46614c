import type { FormInstance } from 'antd';
import i18n from '../i18n';

export interface ApiErrorDetail {
  field: string;
  reason: string;
}

/** The API's single error body shape, thrown by the feature hooks. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId?: string;

  constructor(body: {
    statusCode: number;
    code: string;
    message: string;
    details?: ApiErrorDetail[];
    requestId?: string;
  }) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.details = body.details ?? [];
    this.requestId = body.requestId;
  }
}

function isErrorBody(value: unknown): value is ConstructorParameters<typeof ApiError>[0] {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export function toApiError(error: unknown, response: Response): ApiError {
  if (isErrorBody(error)) {
    return new ApiError({ ...error, statusCode: error.statusCode ?? response.status });
  }
  return new ApiError({
    statusCode: response.status,
    code: response.status === 0 ? 'NETWORK' : `HTTP_${response.status}`,
    message: i18n.t('errors.unexpected', { status: response.status }),
  });
}

/**
 * Unwraps an openapi-fetch result: returns `data` or throws an ApiError.
 * Responses without a body (204) resolve to undefined.
 */
export async function unwrap<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return i18n.t('errors.unknown');
}

/** `contacts.0.phone` -> ['contacts', 0, 'phone'], the name path antd Form expects. */
function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each `details[].reason` next to its field. Returns true when at least one detail
 * matched a field in the form, so callers can skip a redundant toast.
 */
export function applyFormErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const detail of error.details) {
    byField.set(detail.field, [...(byField.get(detail.field) ?? []), detail.reason]);
  }
  const registered = new Set(form.getFieldsError().map((entry) => entry.name.join('.')));
  const fields = [...byField.entries()]
    .filter(([field]) => registered.has(toNamePath(field).join('.')))
    .map(([field, errors]) => ({ name: toNamePath(field), errors }));
  form.setFields(fields);
  return fields.length === error.details.length;
}
