import { ApiError } from '../../api/errors';

/** The reasons of an API error by field (`details[].field` → reasons), to show beside inputs. */
export function reasonsByField(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details)
    out[detail.field] = out[detail.field] ? `${out[detail.field]}；${detail.reason}` : detail.reason;
  return out;
}

/** The message and every `details[].reason` in one line. */
export function fullReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const reasons = error instanceof ApiError ? error.details.map((d) => d.reason) : [];
  return reasons.length > 0 ? `${error.message}：${reasons.join('；')}` : error.message;
}
