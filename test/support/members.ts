import type { Client } from 'pg';

/** Adds an enterprise contact for an organisation of the seeded tenant, with the demo password. */
export async function addContact(
  admin: Client,
  email: string,
  organizationName: string,
  displayName: string,
): Promise<string> {
  const { rows } = await admin.query<{ id: string }>(
    `INSERT INTO users (tenant_id, email, display_name, role, status, password_hash, organization_id, mobile)
     SELECT u.tenant_id, $1, $3, 'enterprise_contact', 'active', u.password_hash, o.id, NULL
       FROM users u JOIN organizations o ON o.tenant_id = u.tenant_id AND o.name = $2
      WHERE u.email = 'xingyi@anhai.demo' RETURNING id`,
    [email, organizationName, displayName],
  );
  return rows[0].id;
}
