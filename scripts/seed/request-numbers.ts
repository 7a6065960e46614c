import type { Client } from 'pg';

/**
 * The next `count` request numbers of a township's year, from the same sequence the product numbers
 * submissions with (next_request_number), so a seed run on a database where people already submit
 * never hands out a number twice. Returned in increasing order.
 */
export async function nextRequestNumbers(db: Client, tenantId: string, year: string, count: number): Promise<number[]> {
  await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  try {
    const { rows } = await db.query<{ n: string }>(
      'SELECT next_request_number($1::uuid, $2::int) AS n FROM generate_series(1, $3)',
      [tenantId, Number(year), count],
    );
    return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  } finally {
    await db.query(`SELECT set_config('app.tenant_id', '', false)`);
  }
}

export function requestNumber(year: string, value: number): string {
  return `FW-${year}-${String(value).padStart(6, '0')}`;
}
