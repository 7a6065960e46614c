import type { Client } from 'pg';

/** Each topic: its words, the category it is filed under; the department that resolves it is the test's choice. */
export const INTAKE_TOPICS = [
  { code: 'financing', words: ['贷款', '贴息', '融资担保', '银行授信', '应急转贷'] },
  { code: 'land_construction', words: ['用地', '厂房', '施工许可', '规划许可', '不动产登记'] },
  { code: 'safety_environment', words: ['环评', '安全生产', '排污许可', '消防验收', '危废处置'] },
  { code: 'intellectual_property', words: ['专利申请', '商标注册', '知识产权', '侵权维权', '专利质押'] },
  { code: 'talent', words: ['人才引进', '人才公寓', '职称评审', '技能培训', '社保补贴'] },
];
const NOISE = ['我司', '近期', '想咨询', '办理', '材料', '流程', '时限', '政策', '镇里', '尽快'];

/** A deterministic history: topic by index, words picked by a small linear congruential generator. */
export function intakeTexts(n: number, seed: number): { topic: number; title: string; description: string }[] {
  let state = seed;
  const next = (m: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % m);
  return Array.from({ length: n }, (_, i) => {
    const topic = i % INTAKE_TOPICS.length;
    const pick = () => INTAKE_TOPICS[topic].words[next(5)];
    const noise = () => NOISE[next(NOISE.length)];
    return { topic, title: `${pick()}${noise()}`, description: `${noise()}${pick()}，${noise()}${pick()}${noise()}。` };
  });
}

/** Resolved requests, as if served a month ago, straight into the table (the test's own history). */
export async function insertResolvedHistory(
  admin: Client,
  tenantId: string,
  rows: { title: string; description: string; categoryId: string; departmentId: string }[],
  requester: { organizationId: string; userId: string; allianceId: string },
  prefix: string,
): Promise<void> {
  for (const [i, row] of rows.entries())
    await admin.query(
      `INSERT INTO service_requests (tenant_id, number, alliance_id, requester_organization_id, requester_user_id,
              category_id, title, description, status, assigned_organization_id, routed_at, resolved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'resolved', $9, now() - interval '30 days', now() - interval '20 days')`,
      [
        tenantId,
        `${prefix}-${String(i).padStart(6, '0')}`,
        requester.allianceId,
        requester.organizationId,
        requester.userId,
        row.categoryId,
        row.title,
        row.description,
        row.departmentId,
      ],
    );
}
