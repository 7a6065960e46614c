import { localDate } from '../../../src/platform/clock/local-date';
import { bodyFingerprint } from '../../../src/platform/http/body-fingerprint';
import type { CalendarOverrides, SlaUnit } from '../../../src/platform/calendar/working-calendar';
import { ensureEnterpriseContacts } from './enterprise-contacts';
import type { HistoryContext } from './index';
import { type CategoryFacts, type FiledRequest, planRequests, type RuleFacts } from './request-plans';
import { type Assignment, type FollowUp, replay } from './request-story';
import type { RequestTimeline } from './request-timeline';
import { nextRequestNumbers, requestNumber } from '../request-numbers';

/** Keys of the history's requests: a township that has them keeps its year, whatever day the seed runs again. */
export const HISTORY_KEY_PREFIX = 'history-';

interface Played {
  filed: FiledRequest;
  timeline: RequestTimeline;
  followUp: FollowUp | null;
  number: string;
  key: string;
}

/**
 * 企业点单、部门服务 over the twelve months before today: every category, every serving
 * organisation, each request filed by a member enterprise's contact and taken through the product's
 * own steps (routing, SLA milestones, transfers, returns, chases, ratings, call-backs), then written
 * in a few multi-row statements.
 */
export async function seedServiceRequestHistory(context: HistoryContext): Promise<void> {
  const { db, tenantId, allianceId, dates } = context;
  const contacts = await ensureEnterpriseContacts(context);
  const { rows: existing } = await db.query(
    `SELECT 1 FROM service_requests WHERE tenant_id = $1 AND alliance_id = $2 AND idempotency_key LIKE $3 LIMIT 1`,
    [tenantId, allianceId, `${HISTORY_KEY_PREFIX}%`],
  );
  if (existing.length > 0) return;

  const calendar = await loadCalendar(context);
  const { rows: categories } = await db.query<CategoryFacts & { acceptUnit: SlaUnit; resolveUnit: SlaUnit }>(
    `SELECT id, code, provider_organization_id AS "providerOrganizationId", accept_within AS "acceptWithin", accept_unit AS "acceptUnit",
            resolve_within AS "resolveWithin", resolve_unit AS "resolveUnit"
       FROM service_categories WHERE alliance_id = $1 AND active ORDER BY code`,
    [allianceId],
  );
  const { rows: rules } = await db.query<RuleFacts>(
    `SELECT id, category_id AS "categoryId", keywords, target_organization_id AS "targetOrganizationId"
       FROM routing_rules WHERE alliance_id = $1 AND active ORDER BY priority, created_at, id`,
    [allianceId],
  );
  const { rows: paired } = await db.query<{ id: string; paired_department_id: string }>(
    `SELECT id, paired_department_id FROM organizations WHERE tenant_id = $1 AND paired_department_id IS NOT NULL`,
    [tenantId],
  );
  const {
    rows: [leader],
  } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE tenant_id = $1 AND role = 'township_admin' AND status = 'active' ORDER BY is_leader DESC, created_at, email LIMIT 1`,
    [tenantId],
  );
  const { rows: staff } = await db.query<{ id: string; organization_id: string }>(
    `SELECT id, organization_id FROM users WHERE tenant_id = $1 AND status = 'active' AND role IN ('department_staff', 'enterprise_contact')
      ORDER BY created_at, email`,
    [tenantId],
  );

  const to = dates.day(-1);
  const monthsAgo = new Date(Date.UTC(dates.year, Number(dates.today.slice(5, 7)) - 1 - 12, 1))
    .toISOString()
    .slice(0, 10);
  const random = context.random('requests');
  const filed = planRequests(
    {
      from: monthsAgo,
      to,
      now: dates.now,
      calendar,
      categories,
      rules,
      organizations: context.organizations,
      contacts,
      pairedDepartments: new Map(paired.map((p) => [p.id, p.paired_department_id])),
      leaderId: leader.id,
    },
    random,
  );

  // The least-loaded handler at the time, as RequestRouter picks one: fewest open requests, then the longest-serving.
  const load = new Map<string, Assignment[]>();
  const pickHandler = (organizationId: string, at: Date): string | null => {
    let best: { id: string; open: number } | null = null;
    for (const person of staff.filter((s) => s.organization_id === organizationId)) {
      const open = (load.get(person.id) ?? []).filter((a) => a.from <= at && (!a.until || a.until > at)).length;
      if (!best || open < best.open) best = { id: person.id, open };
    }
    return best?.id ?? null;
  };
  const played: Omit<Played, 'number'>[] = filed.map((request, index) => {
    const { timeline, assignments, followUp } = replay(request.plan, dates.now, calendar, random, pickHandler);
    for (const a of assignments) if (a.handlerId) load.set(a.handlerId, [...(load.get(a.handlerId) ?? []), a]);
    return { filed: request, timeline, followUp, key: `${HISTORY_KEY_PREFIX}${String(index + 1).padStart(4, '0')}` };
  });
  await insertRequests(context, await numbered(context, played, calendar.timeZone));
}

async function loadCalendar({ db, tenantId }: HistoryContext): Promise<CalendarOverrides> {
  const {
    rows: [tenant],
  } = await db.query<{ time_zone: string }>('SELECT time_zone FROM tenants WHERE id = $1', [tenantId]);
  const { rows } = await db.query<{ date: string; kind: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM working_day_overrides WHERE tenant_id = $1`,
    [tenantId],
  );
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
    timeZone: tenant.time_zone,
  };
}

/** FW-<year>-<sequence>, from the township's sequence of the year each request was made in, in the order they were made. */
async function numbered(
  context: HistoryContext,
  played: Omit<Played, 'number'>[],
  timeZone: string,
): Promise<Played[]> {
  const byYear = new Map<string, Omit<Played, 'number'>[]>();
  for (const p of played) {
    const year = localDate(p.filed.plan.createdAt, timeZone).slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), p]);
  }
  const result: Played[] = [];
  for (const [year, requests] of byYear) {
    const numbers = await nextRequestNumbers(context.db, context.tenantId, year, requests.length);
    requests.forEach((p, i) => result.push({ ...p, number: requestNumber(year, numbers[i]) }));
  }
  return result;
}

/** Three statements: the requests, their timelines, the call-backs after low ratings. */
async function insertRequests({ db, tenantId, allianceId }: HistoryContext, played: Played[]): Promise<void> {
  const requests = played.map(({ filed, timeline: { state: s }, number, key }) => ({
    number,
    key,
    requester_organization_id: filed.requester.organizationId,
    requester_user_id: filed.requester.userId,
    category_id: filed.category.id,
    title: filed.title,
    description: filed.description,
    urgency: filed.urgency,
    preferred_contact: filed.preferredContact,
    // What the web app's submission sent with its Idempotency-Key.
    hash: bodyFingerprint({
      allianceId,
      categoryId: filed.category.id,
      title: filed.title,
      description: filed.description,
      urgency: filed.urgency,
      preferredContact: filed.preferredContact,
    }),
    status: s.status,
    returned_from: s.returnedFrom,
    assigned_organization_id: s.assignedOrganizationId,
    handler_id: s.handlerId,
    routed_at: s.routedAt,
    accept_due_at: s.acceptDueAt,
    resolve_due_at: s.resolveDueAt,
    accepted_at: s.acceptedAt,
    returned_at: s.returnedAt,
    resolved_at: s.resolvedAt,
    closed_at: s.closedAt,
    escalation_level: s.escalationLevel,
    sla_state: s.slaState,
    next_sla_check_at: s.nextSlaCheckAt,
    rating: s.rating,
    rating_comment: s.ratingComment,
    last_chased_at: s.lastChasedAt,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }));
  const { rows } = await db.query<{ id: string; idempotency_key: string }>(
    `INSERT INTO service_requests (tenant_id, alliance_id, number, idempotency_key, requester_organization_id, requester_user_id, category_id, title, description,
                                   urgency, preferred_contact, idempotency_request_hash, status, returned_from, assigned_organization_id, handler_id,
                                   routed_at, accept_due_at, resolve_due_at, accepted_at, returned_at, resolved_at, closed_at, escalation_level, sla_state,
                                   next_sla_check_at, rating, rating_comment, last_chased_at, created_at, updated_at)
     SELECT $1, $2, r.number, r.key, r.requester_organization_id, r.requester_user_id, r.category_id, r.title, r.description,
            r.urgency::service_request_urgency, r.preferred_contact, r.hash, r.status::service_request_status, r.returned_from::service_request_status,
            r.assigned_organization_id, r.handler_id, r.routed_at, r.accept_due_at, r.resolve_due_at, r.accepted_at, r.returned_at, r.resolved_at, r.closed_at,
            r.escalation_level, r.sla_state, r.next_sla_check_at, r.rating, r.rating_comment, r.last_chased_at, r.created_at, r.updated_at
       FROM jsonb_to_recordset($3::jsonb) AS r (
              number text, key text, requester_organization_id uuid, requester_user_id uuid, category_id uuid, title text, description text, urgency text,
              preferred_contact jsonb, hash text, status text, returned_from text, assigned_organization_id uuid, handler_id uuid, routed_at timestamptz,
              accept_due_at timestamptz, resolve_due_at timestamptz, accepted_at timestamptz, returned_at timestamptz, resolved_at timestamptz,
              closed_at timestamptz, escalation_level int, sla_state text, next_sla_check_at timestamptz, rating int, rating_comment text,
              last_chased_at timestamptz, created_at timestamptz, updated_at timestamptz)
     ON CONFLICT (tenant_id, requester_user_id, idempotency_key) DO NOTHING
     RETURNING id, idempotency_key`,
    [tenantId, allianceId, JSON.stringify(requests)],
  );
  const ids = new Map(rows.map((r) => [r.idempotency_key, r.id]));
  const inserted = played.filter((p) => ids.has(p.key));
  const events = inserted.flatMap((p) =>
    p.timeline.events.map((e) => ({
      request_id: ids.get(p.key),
      type: e.type,
      actor_user_id: e.actor,
      internal: e.internal,
      body: e.body,
      data: e.data,
      dedupe_key: e.dedupeKey,
      created_at: e.at,
    })),
  );
  await db.query(
    `INSERT INTO service_request_events (tenant_id, request_id, type, actor_user_id, internal, body, data, dedupe_key, created_at)
     SELECT $1, e.request_id, e.type::timeline_entry_type, e.actor_user_id, e.internal, e.body, e.data, e.dedupe_key, e.created_at
       FROM jsonb_to_recordset($2::jsonb) AS e (request_id uuid, type text, actor_user_id uuid, internal boolean, body text, data jsonb, dedupe_key text, created_at timestamptz)`,
    [tenantId, JSON.stringify(events)],
  );
  const followUps = inserted.filter((p) => p.followUp).map((p) => ({ request_id: ids.get(p.key), ...p.followUp! }));
  await db.query(
    `INSERT INTO follow_up_tasks (tenant_id, request_id, assignee_id, reason, status, outcome, created_at, updated_at)
     SELECT $1, f.request_id, f."assigneeId", f.reason, f.status, f.outcome, f."createdAt", f."updatedAt"
       FROM jsonb_to_recordset($2::jsonb) AS f (request_id uuid, "assigneeId" uuid, reason text, status text, outcome text, "createdAt" timestamptz, "updatedAt" timestamptz)`,
    [tenantId, JSON.stringify(followUps)],
  );
}
