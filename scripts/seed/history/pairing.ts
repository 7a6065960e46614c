import { randomUUID } from 'node:crypto';
import { MEMBERS } from '../anhai-data';
import type { HistoryContext } from './index';
import type { HistoryPeople } from './people';
import { insertRows, plusMinutes, shanghai } from './rows';
import { nextRequestNumbers, requestNumber } from '../request-numbers';

/** Problems an enterprise raises on visits, with the service category each would be filed under. */
const PAIRS: {
  organization: string;
  intervalDays: number;
  lastVisitDaysAgo: number;
  problems: { text: string; category: string }[];
}[] = [
  {
    organization: '恒达智能装备',
    intervalDays: 30,
    lastVisitDaysAgo: 8,
    problems: [
      { text: '机器人集成产线技改项目希望申请贷款贴息', category: 'financing' },
      { text: '新建焊接产线的环评手续不清楚', category: 'safety_environment' },
    ],
  },
  {
    organization: '华宇铸造',
    intervalDays: 30,
    lastVisitDaysAgo: 16,
    problems: [
      { text: '铸造车间除尘设施改造需要环保技术指导', category: 'safety_environment' },
      { text: '熔炼和浇注岗位招工困难', category: 'talent' },
    ],
  },
  {
    organization: '泉安数控',
    intervalDays: 45,
    lastVisitDaysAgo: 21,
    problems: [
      { text: '新一代伺服电机希望申请发明专利', category: 'intellectual_property' },
      { text: '数控系统出口东南亚的报关资质咨询', category: 'export_customs' },
    ],
  },
  // Not visited for long: the official's workbench lists it among the pairs to visit.
  {
    organization: '永安重工',
    intervalDays: 30,
    lastVisitDaysAgo: 112,
    problems: [
      { text: '起重机械新厂房用地指标尚未落实', category: 'land_construction' },
      { text: '特种设备生产许可证即将到期需要延续', category: 'permits' },
    ],
  },
  {
    organization: '海西智造',
    intervalDays: 60,
    lastVisitDaysAgo: 33,
    problems: [
      { text: '工业互联网平台想申报省级示范项目', category: 'project_application' },
      { text: '高新技术企业认定条件咨询', category: 'policy' },
    ],
  },
  {
    organization: '联创机器人',
    intervalDays: 45,
    lastVisitDaysAgo: 97,
    problems: [
      { text: '视觉检测工程师招聘难', category: 'talent' },
      { text: '希望申报智能制造专项资金', category: 'project_application' },
    ],
  },
];

const NOTES = [
  '了解企业生产经营和党建工作情况。',
  '座谈企业负责人，听取对联盟服务的意见。',
  '查看新产线建设进度，宣讲惠企政策。',
  '参加企业党支部主题党日，了解党员先锋岗情况。',
];

/**
 * Pairing contact (结对联系) over the year: the official paired with six more enterprises a year ago,
 * visits at about each pair's interval, problems raised on them, and some problems filed as service
 * requests on the enterprise's behalf, numbered FW-<year>-<seq> as the product numbers them. Two pairs
 * were last visited months ago. Keyed on the pair (official, enterprise): an existing pair is left alone.
 */
export async function seedPairingHistory(context: HistoryContext, people: HistoryPeople): Promise<void> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const random = context.random('pairing');
  const now = dates.now.toISOString();
  const { rows: categories } = await db.query<{ id: string; code: string; provider_organization_id: string }>(
    'SELECT id, code, provider_organization_id FROM service_categories WHERE alliance_id = $1',
    [allianceId],
  );
  const pairs: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  const problems: Record<string, unknown>[] = [];
  const filed: {
    problemId: string;
    organization: string;
    text: string;
    category: string;
    visitId: string;
    visitedOn: string;
    index: number;
    daysAgo: number;
    rating: number;
  }[] = [];
  for (const spec of PAIRS) {
    const organizationId = organizations.get(spec.organization)!;
    const contact = MEMBERS.find((m) => m.name === spec.organization)!.contact;
    // Drawn before the existence check, so an existing pair does not change the next one's visits.
    const rolls = Array.from({ length: 40 }, () => random.next());
    const {
      rows: [exists],
    } = await db.query<{ '?column?': number }>(
      'SELECT 1 FROM pairing_pairs WHERE tenant_id = $1 AND official_user_id = $2 AND organization_id = $3',
      [tenantId, people.official, organizationId],
    );
    if (exists) continue;
    const pairId = randomUUID();
    const created = plusMinutes(now, -360 * 1440);
    pairs.push({
      id: pairId,
      tenant_id: tenantId,
      official_user_id: people.official,
      organization_id: organizationId,
      interval_days: spec.intervalDays,
      created_at: created,
      updated_at: created,
    });
    // Visits from the newest back, each about the interval before the next.
    const daysAgo: number[] = [];
    for (
      let d = spec.lastVisitDaysAgo, i = 0;
      d < 355;
      d += spec.intervalDays + Math.round((rolls[i % 40] - 0.5) * 10), i++
    )
      daysAgo.push(d);
    daysAgo.reverse().forEach((ago, v) => {
      const visitId = randomUUID();
      const visitedOn = dates.day(-ago);
      const loggedAt = shanghai(visitedOn, '17:30') < now ? shanghai(visitedOn, '17:30') : now;
      visits.push({
        id: visitId,
        tenant_id: tenantId,
        pair_id: pairId,
        visited_on: visitedOn,
        people_met: `${contact}（联络员）、企业负责人`,
        notes: NOTES[v % NOTES.length],
        recorded_by_id: people.official,
        created_at: loggedAt,
        updated_at: loggedAt,
      });
      // The pair's two standing problems come up on the first and a middle visit; most visits raise none.
      const raised = v === 0 ? [0] : v === Math.floor(daysAgo.length / 2) ? [1] : [];
      raised.forEach((p, index) => {
        const problemId = randomUUID();
        problems.push({
          id: problemId,
          tenant_id: tenantId,
          visit_id: visitId,
          position: index,
          description: spec.problems[p].text,
          created_at: loggedAt,
          updated_at: loggedAt,
        });
        filed.push({
          problemId,
          organization: spec.organization,
          text: spec.problems[p].text,
          category: spec.problems[p].category,
          visitId,
          visitedOn,
          index,
          daysAgo: ago,
          rating: rolls[30 + p] < 0.75 ? 5 : 4,
        });
      });
    });
  }
  await insertRows(db, 'pairing_pairs', pairs);
  await insertRows(db, 'pairing_visits', visits);
  await insertRows(db, 'pairing_visit_problems', problems);

  // Filed as requests the day after the visit, in date order, so their numbers follow the calendar.
  for (const problem of filed.sort((a, b) => b.daysAgo - a.daysAgo)) {
    const category = categories.find((c) => c.code === problem.category)!;
    const requestId = await fileRequest(context, people, { ...problem, category });
    await db.query('UPDATE pairing_visit_problems SET service_request_id = $2, updated_at = $3 WHERE id = $1', [
      problem.problemId,
      requestId,
      plusMinutes(shanghai(problem.visitedOn, '09:00'), 1440),
    ]);
  }
}

/** A request filed by the official on the enterprise's behalf (PairingService.problemToRequest) and served since. */
async function fileRequest(
  context: HistoryContext,
  people: HistoryPeople,
  problem: {
    problemId: string;
    organization: string;
    text: string;
    category: { id: string; code: string; provider_organization_id: string };
    visitId: string;
    visitedOn: string;
    index: number;
    daysAgo: number;
    rating: number;
  },
): Promise<string> {
  const { db, tenantId, allianceId, organizations, dates } = context;
  const now = dates.now.toISOString();
  const organizationId = organizations.get(problem.organization)!;
  const requester = people.contactOf.get(organizationId)!;
  const handler = people.contactOf.get(problem.category.provider_organization_id)!;
  const created = plusMinutes(shanghai(problem.visitedOn, '09:00'), 1440);
  const year = dates.day(-problem.daysAgo + 1).slice(0, 4);
  // Recent ones are still being served; the others were resolved within the week and rated.
  const open = problem.daysAgo <= 20;
  const at = (hours: number) => {
    const t = plusMinutes(created, hours * 60);
    return t < now ? t : plusMinutes(now, -30);
  };
  const [counter] = await nextRequestNumbers(db, tenantId, year, 1);
  const id = randomUUID();
  const description = `${problem.text}\n\n（结对走访 ${problem.visitedOn} 提出，见走访记录 / raised on the pairing visit of ${problem.visitedOn}）`;
  await insertRows(db, 'service_requests', [
    {
      id,
      tenant_id: tenantId,
      number: requestNumber(year, counter),
      alliance_id: allianceId,
      requester_organization_id: organizationId,
      requester_user_id: requester,
      category_id: problem.category.id,
      title: problem.text,
      description,
      status: open ? 'in_progress' : 'closed',
      assigned_organization_id: problem.category.provider_organization_id,
      handler_id: handler,
      routed_at: at(0.02),
      accept_due_at: at(24),
      resolve_due_at: at(7 * 24),
      accepted_at: at(2),
      resolved_at: open ? null : at(3 * 24),
      closed_at: open ? null : at(4 * 24),
      rating: open ? null : problem.rating,
      idempotency_key: `pairing-problem:${problem.problemId}`,
      next_sla_check_at: open ? now : null,
      created_at: created,
      updated_at: open ? at(3) : at(4 * 24),
    },
  ]);
  const origin = {
    filedBy: people.official,
    source: 'pairing-visit',
    pairingVisitId: problem.visitId,
    problemIndex: problem.index,
  };
  const events = [
    { type: 'submitted', actor: people.official, hours: 0, data: origin, body: null },
    { type: 'routed', actor: null, hours: 0.02, data: {}, body: null },
    { type: 'accepted', actor: handler, hours: 2, data: {}, body: null },
    { type: 'started', actor: handler, hours: 3, data: {}, body: null },
    ...(open
      ? []
      : [
          { type: 'resolved', actor: handler, hours: 3 * 24, data: {}, body: '已上门对接并按要求办理完毕。' },
          { type: 'rated', actor: requester, hours: 4 * 24, data: { rating: problem.rating }, body: null },
        ]),
  ];
  await insertRows(
    db,
    'service_request_events',
    events.map((e) => ({
      tenant_id: tenantId,
      request_id: id,
      type: e.type,
      actor_user_id: e.actor,
      body: e.body,
      data: e.data,
      created_at: at(e.hours),
    })),
  );
  return id;
}
