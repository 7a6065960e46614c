import { DEPARTMENTS, LEAD, MEMBERS } from '../anhai-data';
import type { HistoryContext } from './index';

/**
 * Sign-in names of the liaison (党建联络员) of each member enterprise beyond the base demo's two,
 * and of the party-building office's staff member: a year of requests comes from every member,
 * and the party-building office takes the requests transferred to it. The person is the contact
 * the base demo already names on the organisation.
 */
export const CONTACT_LOGINS: Record<string, string> = {
  鸿安机械: 'hongan',
  安海精工机械: 'ahjinggong',
  恒达智能装备: 'hengda',
  鑫盛液压: 'xinsheng',
  泉安数控: 'quanan',
  华宇铸造: 'huayu',
  嘉信电气: 'jiaxin',
  闽鑫传动: 'minxin',
  宏图自动化: 'hongtu',
  瑞丰精密: 'ruifeng',
  永安重工: 'yongan',
  金海机电: 'jinhai',
  海西智造: 'haixi',
  泰和模具: 'taihe',
  德盛轴承: 'desheng',
  远航船舶配件: 'yuanhang',
  联创机器人: 'lianchuang',
  晟达钣金: 'shengda',
  佳美包装机械: 'jiamei',
  安腾焊接: 'anteng',
  福源电机: 'fuyuan',
  立信检测: 'lixin',
  创新激光: 'chuangxin',
};

export const PARTY_OFFICE = '安海镇党建工作办公室';
const PARTY_OFFICE_LOGIN = 'party';

/**
 * Adds the missing liaisons and the party-building office's staff member (same demo password as
 * every demo account, copied from an existing one), keyed by e-mail so a rerun adds nothing;
 * answers each member enterprise's requesting user (its first contact) by organisation name.
 */
export async function ensureEnterpriseContacts(
  context: HistoryContext,
): Promise<Map<string, { id: string; name: string; phone: string }>> {
  const { db, tenantId, organizations } = context;
  const people = [
    ...[LEAD, ...MEMBERS]
      .filter((e) => CONTACT_LOGINS[e.name])
      .map((e) => ({
        email: `${CONTACT_LOGINS[e.name]}@anhai.demo`,
        name: e.contact,
        role: 'enterprise_contact',
        organization: e.name,
        leader: false,
      })),
    {
      email: `${PARTY_OFFICE_LOGIN}@anhai.demo`,
      name: DEPARTMENTS.find((d) => d.name === PARTY_OFFICE)!.contact,
      role: 'department_staff',
      organization: PARTY_OFFICE,
      leader: true,
    },
  ];
  await db.query(
    `INSERT INTO users (tenant_id, email, display_name, role, organization_id, status, password_hash, is_leader)
     SELECT $1, p.email, p.name, p.role::user_role, p.organization_id, 'active', (SELECT password_hash FROM users WHERE email = 'jingong@anhai.demo'), p.leader
       FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::boolean[]) AS p (email, name, role, organization_id, leader)
     ON CONFLICT (email) DO NOTHING`,
    [
      tenantId,
      people.map((p) => p.email),
      people.map((p) => p.name),
      people.map((p) => p.role),
      people.map((p) => organizations.get(p.organization)),
      people.map((p) => p.leader),
    ],
  );
  // The first contact of each enterprise, as the product picks one (by when it was added, then by id).
  const { rows } = await db.query<{ organization_id: string; id: string }>(
    `SELECT DISTINCT ON (organization_id) organization_id, id FROM users
      WHERE tenant_id = $1 AND role = 'enterprise_contact' AND status = 'active' AND organization_id = ANY($2::uuid[])
      ORDER BY organization_id, created_at, email`,
    [tenantId, [LEAD, ...MEMBERS].map((e) => organizations.get(e.name))],
  );
  const byOrganization = new Map(rows.map((r) => [r.organization_id, r.id]));
  const contacts = new Map<string, { id: string; name: string; phone: string }>();
  for (const e of [LEAD, ...MEMBERS]) {
    const id = byOrganization.get(organizations.get(e.name)!);
    if (id) contacts.set(e.name, { id, name: e.contact, phone: e.phone });
  }
  return contacts;
}
