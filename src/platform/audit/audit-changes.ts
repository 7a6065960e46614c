import { HIDDEN_COLUMNS, NOISE_COLUMNS } from './audit-descriptors';

export type Snapshot = Record<string, unknown>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
  hidden: boolean;
}

/** A snapshot without the columns that never leave the server. */
export function withoutSecrets(snapshot: Snapshot | null): Snapshot | null {
  if (!snapshot) return null;
  return Object.fromEntries(Object.entries(snapshot).filter(([column]) => !HIDDEN_COLUMNS.has(column)));
}

/** The columns an update changed, in the row's column order, bookkeeping left out and secrets without values. */
export function changedFields(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  if (!before || !after) return [];
  const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return columns
    .filter((column) => !NOISE_COLUMNS.has(column) && !sameValue(before[column], after[column]))
    .map((field) =>
      HIDDEN_COLUMNS.has(field)
        ? { field, from: null, to: null, hidden: true }
        : { field, from: before[field] ?? null, to: after[field] ?? null, hidden: false },
    );
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
