import * as argon2 from 'argon2';
import type { Client } from 'pg';
import { DEMO_PASSWORD } from './http';

let hash: Promise<string> | undefined;

/** A second township with an official and one enterprise, for cross-tenant tests. */
export async function createOtherTenant(
  admin: Client,
  slug = 'dongshi',
): Promise<{ tenantId: string; email: string; organizationId: string; allianceId: string }> {
  hash ??= argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2 });
  const {
    rows: [tenant],
  } = await admin.query<{ id: string }>(`INSERT INTO tenants (name, slug) VALUES ($1, $2) RETURNING id`, [
    `${slug} town`,
    slug,
  ]);
  const {
    rows: [organization],
  } = await admin.query<{ id: string }>(
    `INSERT INTO organizations (tenant_id, name, kind, contacts) VALUES ($1, '东石精密', 'enterprise', '[{"name":"秘密联系人","phone":"13900000000"}]') RETURNING id`,
    [tenant.id],
  );
  const {
    rows: [alliance],
  } = await admin.query<{ id: string }>(
    `INSERT INTO alliances (tenant_id, name) VALUES ($1, '东石联盟') RETURNING id`,
    [tenant.id],
  );
  const email = `official@${slug}.demo`;
  await admin.query(
    `INSERT INTO users (tenant_id, email, display_name, role, status, password_hash) VALUES ($1, $2, '东石官员', 'township_admin', 'active', $3)`,
    [tenant.id, email, await hash],
  );
  return { tenantId: tenant.id, email, organizationId: organization.id, allianceId: alliance.id };
}

export async function idOf(admin: Client, table: 'organizations' | 'alliances', name: string): Promise<string> {
  const { rows } = await admin.query<{ id: string }>(`SELECT id FROM ${table} WHERE name = $1`, [name]);
  if (!rows[0]) throw new Error(`No ${table} named ${name}`);
  return rows[0].id;
}
