import type { Client } from 'pg';
import { GIVEN_NAMES, SURNAMES } from './vocabulary';

/** What every step of the large-tenant seed shares: one admin connection, the tenant, one fixed "now". */
export interface SeedContext {
  db: Client;
  tenantId: string;
  /** Fixed at the start, so every step agrees on what is past and what is future. */
  now: Date;
  log: (line: string) => void;
}

/** Runs one statement and logs how many rows it wrote and how long it took. */
export async function timed(ctx: SeedContext, label: string, sql: string, params: unknown[] = []): Promise<number> {
  const started = Date.now();
  const result = await ctx.db.query(sql, params);
  ctx.log(`  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.rowCount ?? 0;
}

export async function count(ctx: SeedContext, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await ctx.db.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Cumulative lower bounds of shares, for width_bucket: bucket b (1-based) is the share's index + 1. */
export function bucketBounds(shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  let sum = 0;
  return shares.map((share) => {
    const lower = sum / total;
    sum += share;
    return lower;
  });
}

/** The largest prime at most n (2 if n < 2), other than `avoid`. */
export function primeAtMost(n: number, avoid: number): number {
  const isPrime = (p: number) => {
    if (p < 2) return false;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) return false;
    return true;
  };
  for (let p = Math.floor(n); p >= 2; p--) if (p !== avoid && isPrime(p)) return p;
  return 1;
}

/**
 * Session-local helpers, in pg_temp so the schema is untouched: u(i, salt) is a uniform number in
 * [0, 1) derived from a hash of (i, salt), so a row's choices depend only on its index.
 */
export async function createHelpers(ctx: SeedContext): Promise<void> {
  await ctx.db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8extended(i, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992 $$`);
  // A UUID with version 7's layout (the time in milliseconds first): generated rows are inserted in
  // time order, so their ids go to the right edge of the primary key and of the indexes that lead
  // with them (a timeline's request_id), instead of to random pages of ever larger indexes.
  await ctx.db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.uuid7(at timestamptz, seed text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || overlay(substr(md5(seed), 1, 19) PLACING '8' FROM 4 FOR 1))::uuid $$`);
  // A person's name from the surname and given-name lists, so names repeat the way real ones do.
  await ctx.db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.person(i bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (${sqlArray(SURNAMES)})[1 + (i % ${SURNAMES.length})] || (${sqlArray(GIVEN_NAMES)})[1 + ((i / ${SURNAMES.length}) % ${GIVEN_NAMES.length})] $$`);
}

/** A literal text[] for SQL built from our own word lists (no user input). */
export function sqlArray(words: readonly string[]): string {
  return `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}
