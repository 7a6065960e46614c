import { DEPARTMENTS } from '../anhai-data';
import { ensureEnterpriseContacts } from './enterprise-contacts';
import type { HistoryContext } from './index';

/** Who takes part in the history: the official, a contact per organisation, the experts. */
export interface HistoryPeople {
  official: string;
  /** Organisation id → the user who speaks for it (its first contact or staff member). */
  contactOf: Map<string, string>;
  /** Expert email → experts.id. */
  experts: Map<string, { expertId: string; userId: string }>;
  byEmail: (email: string) => string;
}

/** The party-building office's staff member (created with the member liaisons): records the joint meetings' minutes. */
export const RECORDER_EMAIL = 'party@anhai.demo';

/**
 * Every member enterprise of the smart-equipment alliance needs a contact who can answer an
 * invitation and check in: the liaisons that the service-request history adds as well (the same
 * keyed function, so whichever part runs first creates them and the other finds them).
 */
export async function historyPeople(context: HistoryContext): Promise<HistoryPeople> {
  const { db, tenantId, organizations } = context;
  await ensureEnterpriseContacts(context);
  const {
    rows: [official],
  } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'official@anhai.demo'`);
  const { rows: first } = await db.query<{ organization_id: string; id: string }>(
    `SELECT DISTINCT ON (organization_id) organization_id, id FROM users
      WHERE organization_id = ANY($1) AND status = 'active' ORDER BY organization_id, role = 'enterprise_contact' DESC, is_leader, created_at, email`,
    [[...organizations.values()]],
  );
  // The department's demo login speaks for it, not a colleague created earlier.
  const contactOf = new Map(first.map((r) => [r.organization_id, r.id]));
  const { rows: named } = await db.query<{ email: string; id: string; organization_id: string | null }>(
    `SELECT email, id, organization_id FROM users WHERE tenant_id = $1 AND email IS NOT NULL`,
    [tenantId],
  );
  const byEmailMap = new Map(named.map((u) => [u.email, u.id]));
  for (const login of ['dept@anhai.demo', 'jingong@anhai.demo', 'xingyi@anhai.demo']) {
    const user = named.find((u) => u.email === login);
    if (user?.organization_id) contactOf.set(user.organization_id, user.id);
  }
  const { rows: experts } = await db.query<{ email: string; expert_id: string; user_id: string }>(
    `SELECT u.email, e.id AS expert_id, u.id AS user_id FROM experts e JOIN users u ON u.id = e.user_id WHERE e.tenant_id = $1`,
    [tenantId],
  );
  return {
    official: official.id,
    contactOf,
    experts: new Map(experts.map((e) => [e.email, { expertId: e.expert_id, userId: e.user_id }])),
    byEmail: (email) => {
      const id = byEmailMap.get(email);
      if (!id) throw new Error(`The demo has no user ${email}`);
      return id;
    },
  };
}

/** The departments (X) of the alliance, by name, in the base demo's order. */
export const DEPARTMENT_NAMES = DEPARTMENTS.map((d) => d.name);
