import type { Client } from 'pg';
import type { DemoDates } from './demo-dates';
import { insertReport, type ReviewSpec } from './history/reports';

/** Think-tank experts: the demo expert, one who works for a member enterprise, one from a university. */
export const EXPERTS = [
  {
    email: 'expert@anhai.demo',
    displayName: '陈教授',
    affiliation: null,
    external: '福建省委党校',
    title: '教授',
    fields: ['产业链党建', '基层治理'],
  },
  {
    email: 'expert2@anhai.demo',
    displayName: '刘研究员',
    affiliation: '晋工机械',
    external: null,
    title: '高级工程师',
    fields: ['智能装备', '技术创新'],
  },
  {
    email: 'expert3@anhai.demo',
    displayName: '周博士',
    affiliation: null,
    external: '华侨大学工商管理学院',
    title: '副教授',
    fields: ['产业经济', '企业融资', '人才发展'],
  },
] as const;

export const RUBRIC = [
  { key: 'evidence', label: '调研扎实', description: '数据、问卷和访谈是否充分可靠', maxScore: 5 },
  { key: 'feasibility', label: '对策可行', description: '建议是否具体、可落地、有责任主体', maxScore: 5 },
  { key: 'impact', label: '价值影响', description: '对产业链发展和党建工作的促进作用', maxScore: 5 },
] as const;

/** The township's survey of the cluster, already reviewed, with its recommendations under way. */
export const PUBLISHED_REPORT = {
  title: '安海镇智能装备制造产业链党建联盟调研报告',
  abstract:
    '课题组走访产业链上 24 家企业，开展 15 场深度访谈，梳理企业在融资、用地、人才和技术协作方面的共性需求，提出以党建联盟为纽带推动链上企业抱团发展的对策建议。',
  topics: ['产业链党建', '企业服务', '人才发展'],
  author: 'dept@anhai.demo',
  recommendations: [
    /** Due at the end of the seed's year (done) and on 31 March of the next (under way). */
    {
      title: '建立链上企业融资需求月度对接机制',
      owner: '安海镇财政所',
      due: { yearsAhead: 0, on: '12-31' },
      progress: 100,
    },
    {
      title: '组建智能装备产业人才联合培训基地',
      owner: '安海镇人力资源和社会保障事务所',
      due: { yearsAhead: 1, on: '03-31' },
      progress: 40,
    },
  ],
} as const;

export async function seedThinkTank(
  db: Client,
  tenantId: string,
  allianceId: string,
  organizations: Map<string, string>,
  passwordHash: string,
  dates: DemoDates,
): Promise<void> {
  for (const expert of EXPERTS) {
    const {
      rows: [user],
    } = await db.query<{ id: string }>(
      `INSERT INTO users (tenant_id, email, display_name, role, status, password_hash) VALUES ($1, $2, $3, 'expert', 'active', $4)
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [tenantId, expert.email, expert.displayName, passwordHash],
    );
    await db.query(
      `INSERT INTO experts (tenant_id, user_id, fields, affiliation_organization_id, affiliation_external, title)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO NOTHING`,
      [
        tenantId,
        user.id,
        expert.fields,
        expert.affiliation ? organizations.get(expert.affiliation) : null,
        expert.external,
        expert.title,
      ],
    );
  }
  for (const [position, criterion] of RUBRIC.entries()) {
    await db.query(
      `INSERT INTO review_criteria (tenant_id, alliance_id, key, label, description, max_score, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (alliance_id, key) DO NOTHING`,
      [tenantId, allianceId, criterion.key, criterion.label, criterion.description, criterion.maxScore, position],
    );
  }

  const report = PUBLISHED_REPORT;
  const exists = await db.query('SELECT 1 FROM research_reports WHERE tenant_id = $1 AND title = $2', [
    tenantId,
    report.title,
  ]);
  if (exists.rowCount) return;
  const {
    rows: [author],
  } = await db.query<{ id: string; organization_id: string }>(
    'SELECT id, organization_id FROM users WHERE email = $1',
    [report.author],
  );
  const {
    rows: [official],
  } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'official@anhai.demo'`);
  const day = (days: number) => new Date(dates.now.getTime() + days * 86_400_000).toISOString();
  const expertId = async (email: string) =>
    (
      await db.query<{ id: string }>('SELECT e.id FROM experts e JOIN users u ON u.id = e.user_id WHERE u.email = $1', [
        email,
      ])
    ).rows[0].id;
  const review = async (email: string, comments: string): Promise<ReviewSpec> => ({
    expertId: await expertId(email),
    status: 'submitted',
    invitedAt: day(-69),
    respondBy: day(-64),
    dueAt: day(-45),
    respondedAt: day(-68),
    submittedAt: day(-50),
    scores: { evidence: 5, feasibility: 4, impact: 5 },
    recommendation: 'accept',
    comments,
  });
  // Written, reviewed in one round, accepted and then published, in that order: the report page shows
  // "第 1 轮 / 已接受" and a creation date before the publication date.
  const createdId = await insertReport(db, {
    tenantId,
    allianceId,
    title: report.title,
    abstract: report.abstract,
    topics: [...report.topics],
    author: { userId: author.id, organizationId: author.organization_id },
    createdAt: day(-80),
    status: 'published',
    publishedAt: day(-20),
    rounds: [
      {
        submittedAt: day(-70),
        reviews: [
          await review('expert@anhai.demo', '调研扎实，对策可操作，建议尽快转化。'),
          await review('expert3@anhai.demo', '同意发布，建议补充人才培训基地的经费来源。'),
        ],
        decision: {
          decision: 'accept',
          at: day(-25),
          by: official.id,
          letter: '报告通过评审，予以发布，建议转化为议定事项推进。',
        },
      },
    ],
  });
  const created = { id: createdId };
  for (const item of report.recommendations) {
    const done = item.progress === 100;
    await db.query(
      `INSERT INTO action_items (tenant_id, alliance_id, report_id, title, owner_organization_id, due_on, status, progress, completed_at, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10, $11::timestamptz, coalesce($9::timestamptz, $11::timestamptz))`,
      [
        tenantId,
        allianceId,
        created.id,
        item.title,
        organizations.get(item.owner),
        `${dates.year + item.due.yearsAhead}-${item.due.on}`,
        done ? 'done' : 'in_progress',
        item.progress,
        done ? day(-5) : null,
        official.id,
        day(-19),
      ],
    );
  }
}
