import type { Client } from 'pg';

/**
 * Inserts many rows in one statement: the rows travel as one JSON array and PostgreSQL types each
 * column from the table itself (enums, arrays, timestamps), so the history stays fast to seed.
 * Columns left out take their defaults. Callers give ids themselves when children refer to them;
 * `onConflict` (e.g. `ON CONFLICT (round_id, organization_id) DO NOTHING`) keeps a rerun from adding rows.
 */
export async function insertRows(
  db: Client,
  table: string,
  rows: Record<string, unknown>[],
  onConflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const list = columns.map((c) => `"${c}"`).join(', ');
  await db.query(
    `INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) ${onConflict}`,
    [JSON.stringify(rows)],
  );
}

/** A timestamp `minutes` after another (negative: before), as ISO 8601. */
export function plusMinutes(at: string | Date, minutes: number): string {
  return new Date(new Date(at).getTime() + minutes * 60_000).toISOString();
}

/** A timestamp in the township's time zone (Asia/Shanghai, no daylight saving): day YYYY-MM-DD, time HH:MM. */
export function shanghai(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}
