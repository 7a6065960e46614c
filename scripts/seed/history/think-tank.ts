import { randomUUID } from 'node:crypto';
import type { HistoryContext } from './index';
import { RECORDER_EMAIL, type HistoryPeople } from './people';
import { insertReport, type ReviewSpec } from './reports';
import { insertRows, plusMinutes } from './rows';

const DAY = 1440;

/**
 * The think tank's year (产业链党建联盟智库): a report accepted after a revision and published, its
 * recommendations under way; a report whose review the demo expert is writing (due in three days);
 * and a report the demo expert is invited to review. Keyed on the reports' titles.
 */
export async function seedThinkTankHistory(context: HistoryContext, people: HistoryPeople): Promise<void> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const random = context.random('think-tank');
  const now = dates.now.toISOString();
  const at = (days: number, minutes = 0) => plusMinutes(now, days * DAY + minutes);
  const expert = (email: string) => people.experts.get(email)!.expertId;
  const user = async (email: string) =>
    (
      await db.query<{ id: string; organization_id: string | null }>(
        'SELECT id, organization_id FROM users WHERE email = $1',
        [email],
      )
    ).rows[0];
  const score = () => ({ evidence: random.int(3, 5), feasibility: random.int(3, 5), impact: random.int(3, 5) });
  const done = (
    email: string,
    invited: number,
    submitted: number,
    recommendation: ReviewSpec['recommendation'],
    comments: string,
  ): ReviewSpec => ({
    expertId: expert(email),
    status: 'submitted',
    invitedAt: at(invited),
    respondBy: at(invited + 5),
    dueAt: at(invited + 20),
    respondedAt: at(invited + 1, 120),
    submittedAt: at(submitted),
    scores: score(),
    recommendation,
    comments,
  });
  const exists = async (title: string) =>
    ((await db.query('SELECT 1 FROM research_reports WHERE tenant_id = $1 AND title = $2', [tenantId, title]))
      .rowCount ?? 0) > 0;

  const innovation = '安海园链上企业协同创新调研报告';
  if (!(await exists(innovation))) {
    const author = await user(RECORDER_EMAIL);
    const reportId = await insertReport(db, {
      tenantId,
      allianceId,
      title: innovation,
      topics: ['协同创新', '产业链党建', '知识产权'],
      abstract:
        '以兴翼机械 2023 年研发新产品 3 项、取得专利 10 项为样本，调研链上企业联合攻关、成果对接和知识产权保护情况，提出以党员攻关小组带动协同创新的建议。',
      author: { userId: author.id, organizationId: author.organization_id },
      createdAt: at(-200),
      status: 'published',
      publishedAt: at(-128),
      rounds: [
        {
          submittedAt: at(-190),
          reviews: [
            done('expert@anhai.demo', -189, -176, 'minor_revision', '数据扎实，建议补充成果转化的责任主体和时间表。'),
            done('expert3@anhai.demo', -189, -173, 'minor_revision', '请补充融资支持协同创新的测算。'),
          ],
          decision: {
            decision: 'minor_revision',
            at: at(-170),
            by: people.official,
            letter: '请按两位专家意见补充责任主体、时间表和资金测算后再送审。',
          },
        },
        {
          submittedAt: at(-150),
          response: '已补充各项建议的责任单位、完成时限和专项奖补测算。',
          reviews: [
            done('expert@anhai.demo', -149, -140, 'accept', '修改充分，建议采纳。'),
            done('expert3@anhai.demo', -149, -138, 'accept', '同意接受。'),
          ],
          decision: {
            decision: 'accept',
            at: at(-135),
            by: people.official,
            letter: '报告通过评审，建议转化为联盟议定事项推进落实。',
          },
        },
      ],
    });
    const recommendations = [
      { title: '建立链上企业技术需求与成果对接清单', owner: '安海镇经济发展办公室', due: -70, progress: 100 },
      { title: '推动兴翼机械与泉安数控共建伺服控制联合实验室', owner: '兴翼机械', due: -25, progress: 100 },
      {
        title: '将红色示范车间研学纳入链上企业新员工培训',
        owner: '安海镇人力资源和社会保障事务所',
        due: -12,
        progress: 60,
      },
      { title: '设立产业链协同创新专项奖补', owner: '安海镇财政所', due: 45, progress: 40 },
    ];
    const created = at(-127);
    const items = recommendations.map((r) => ({
      ...r,
      id: randomUUID(),
      completed: r.progress === 100 ? at(r.due - 3) : null,
    }));
    await insertRows(
      db,
      'action_items',
      items.map((r) => ({
        id: r.id,
        tenant_id: tenantId,
        alliance_id: allianceId,
        report_id: reportId,
        title: r.title,
        owner_organization_id: organizations.get(r.owner),
        due_on: dates.day(r.due),
        status: r.progress === 100 ? 'done' : 'in_progress',
        progress: r.progress,
        completed_at: r.completed,
        escalation_level: r.progress < 100 && r.due < 0 ? 3 : 0,
        created_by_id: people.official,
        created_at: created,
        updated_at: r.completed ?? at(-6),
      })),
    );
    await insertRows(
      db,
      'action_item_updates',
      items.flatMap((r) => [
        {
          tenant_id: tenantId,
          action_item_id: r.id,
          author_id: people.contactOf.get(organizations.get(r.owner)!),
          progress: Math.min(r.progress, 40),
          note: '已制定工作方案。',
          created_at: plusMinutes(created, 20 * DAY),
        },
        ...(r.progress > 40
          ? [
              {
                tenant_id: tenantId,
                action_item_id: r.id,
                author_id: people.contactOf.get(organizations.get(r.owner)!),
                progress: r.progress,
                note: r.progress === 100 ? '已完成。' : '正在推进。',
                created_at: r.completed ?? at(-6),
              },
            ]
          : []),
      ]),
    );
  }

  const talent = '智能装备产业人才需求与培养调研报告';
  if (!(await exists(talent))) {
    const author = await user('dept@anhai.demo');
    await insertReport(db, {
      tenantId,
      allianceId,
      title: talent,
      topics: ['人才发展', '技能培训'],
      abstract:
        '对 26 家投产企业的数控技师、焊接和研发人才缺口进行问卷调查，结合晋工机械“党建+人才”示范点的做法，提出校企共建实训基地等建议。',
      author: { userId: author.id, organizationId: author.organization_id },
      createdAt: at(-20),
      status: 'under_review',
      rounds: [
        {
          submittedAt: at(-12),
          reviews: [
            done('expert2@anhai.demo', -11, -3, 'minor_revision', '建议细化各岗位缺口的数据来源。'),
            // The demo expert has accepted and is writing the review, due in three days; a draft is saved.
            {
              expertId: expert('expert@anhai.demo'),
              status: 'accepted',
              invitedAt: at(-11),
              respondBy: at(-6),
              dueAt: at(3),
              respondedAt: at(-9, 90),
              scores: { evidence: 4 },
              comments: '初步意见：调研样本覆盖较全。',
            },
          ],
        },
      ],
    });
  }

  const finance = '链上中小企业融资需求调研报告';
  if (!(await exists(finance))) {
    const author = await user('finance@anhai.demo');
    await insertReport(db, {
      tenantId,
      allianceId,
      title: finance,
      topics: ['企业融资', '政策性资金'],
      abstract:
        '梳理链上中小企业技改贷款、贴息和担保需求，分析政策性资金到位慢的原因，提出融资需求月度对接和材料简化的建议。',
      author: { userId: author.id, organizationId: author.organization_id },
      createdAt: at(-9),
      status: 'under_review',
      rounds: [
        {
          submittedAt: at(-4),
          reviews: [
            // The demo expert's invitation, to answer within five days.
            {
              expertId: expert('expert@anhai.demo'),
              status: 'invited',
              invitedAt: at(-2),
              respondBy: at(5),
              dueAt: at(19),
            },
            {
              expertId: expert('expert3@anhai.demo'),
              status: 'accepted',
              invitedAt: at(-2),
              respondBy: at(5),
              dueAt: at(19),
              respondedAt: at(-1),
            },
          ],
        },
      ],
    });
  }
}
