import { ServiceRequestStatus as S } from '../../../src/modules/service-requests/entities/service-request-status';
import type { CalendarOverrides } from '../../../src/platform/calendar/working-calendar';
import type { DemoRandom } from './random';
import { RequestTimeline, type Sla } from './request-timeline';

/** How one request of the year goes, decided beforehand; the replay stops wherever "now" falls. */
export interface RequestPlan {
  createdAt: Date;
  requesterId: string;
  /** The township leader: supervises (督办) and calls back after a low rating. */
  leaderId: string;
  sla: Sla;
  /** Where routing sends it, as RequestRouter decides. */
  routed: { organizationId: string; reason: 'rule' | 'paired_department' | 'category_provider'; ruleId?: string };
  transfer?: { organizationId: string; reason: string };
  reject?: string;
  /** Shares of the time to accept used before the (first, after a transfer second) organisation acts. */
  acceptShare: number;
  secondAcceptShare: number;
  startAfterHours: number | null;
  progressNote?: string;
  returned?: { reason: string; answer: string; afterHours: number; answerAfterHours: number };
  /** Share of the time to resolve (from submission) used; above 1 is late. */
  resolveShare: number;
  resolution: string;
  chase: boolean;
  supervisionNote?: string;
  closing: 'rate' | 'close' | 'none';
  closeAfterHours: number;
  /** Stars and words, on time and late: the enterprise rates what it got. */
  rating: (late: boolean) => { stars: number; comment: string | null };
  followUpOutcome: string;
}

export interface Assignment {
  handlerId: string | null;
  from: Date;
  until: Date | null;
}

export interface FollowUp {
  assigneeId: string;
  reason: string;
  createdAt: Date;
  status: 'open' | 'done';
  outcome: string | null;
  updatedAt: Date;
}

const DAY_MS = 86_400_000;
export const AUTO_CLOSE_DAYS = 7;

/** Plays the plan through the product's steps up to `now`: the request's columns, its timeline, its follow-up. */
export function replay(
  plan: RequestPlan,
  now: Date,
  calendar: CalendarOverrides,
  random: DemoRandom,
  pickHandler: (organizationId: string, at: Date) => string | null,
): { timeline: RequestTimeline; assignments: Assignment[]; followUp: FollowUp | null } {
  const tl = new RequestTimeline(plan.createdAt, now, calendar);
  const s = tl.state;
  const assignments: Assignment[] = [];
  const jitter = () => random.int(1, 59) + random.next();
  const release = (at: Date) => {
    const current = assignments[assignments.length - 1];
    if (current && !current.until) current.until = at;
  };
  const assign = (organizationId: string, at: Date) => {
    release(at);
    s.assignedOrganizationId = organizationId;
    s.handlerId = pickHandler(organizationId, at);
    s.acceptedAt = null;
    s.routedAt = at;
    s.acceptDueAt = tl.due(at, plan.sla.acceptWithin, plan.sla.acceptUnit);
    s.resolveDueAt ??= tl.due(plan.createdAt, plan.sla.resolveWithin, plan.sla.resolveUnit);
    assignments.push({ handlerId: s.handlerId, from: at, until: null });
  };
  const done = (followUp: FollowUp | null = null) => {
    tl.finish();
    tl.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    return { timeline: tl, assignments, followUp };
  };
  const move = (
    type: string,
    at: Date,
    actor: string | null,
    to: S,
    body: string | null = null,
    data: Record<string, unknown> = {},
  ) => {
    tl.record({ type, at, actor, body, data: { from: s.status, to, ...data } });
    s.status = to;
  };

  tl.record({ type: 'submitted', at: plan.createdAt, actor: plan.requesterId, body: null, data: {} });
  const routedAt = new Date(plan.createdAt.getTime() + random.int(2_000, 20_000));
  const routed = tl.step(routedAt, () => {
    assign(plan.routed.organizationId, routedAt);
    s.status = S.Routed;
    const { organizationId, reason, ruleId } = plan.routed;
    tl.record({
      type: 'routed',
      at: routedAt,
      actor: null,
      body: null,
      data: { to: S.Routed, organizationId, handlerId: s.handlerId, reason, ...(ruleId ? { ruleId } : {}) },
      dedupeKey: 'routed:auto',
    });
  });
  if (!routed) return done();
  const acceptAt = (share: number) =>
    tl.after(s.routedAt!, share * tl.workingHours(s.routedAt!, s.acceptDueAt!), jitter());

  if (plan.reject) {
    const at = acceptAt(plan.acceptShare);
    tl.step(at, () => {
      move('rejected', at, s.handlerId, S.Rejected, plan.reject);
      s.closedAt = at;
      release(at);
    });
    return done();
  }
  let share = plan.acceptShare;
  if (plan.transfer) {
    const { organizationId, reason } = plan.transfer;
    const at = acceptAt(share);
    if (
      !tl.step(at, () => {
        tl.record({
          type: 'transferred',
          at,
          actor: s.handlerId,
          body: reason,
          data: { from: S.Routed, to: S.Routed, organizationId },
        });
        assign(organizationId, at);
      })
    )
      return done();
    share = plan.secondAcceptShare;
  }
  const acceptedAt = acceptAt(share);
  if (
    !tl.step(acceptedAt, () => {
      move('accepted', acceptedAt, s.handlerId, S.Accepted);
      s.acceptedAt = acceptedAt;
    })
  )
    return done();
  let last = acceptedAt;
  if (plan.startAfterHours !== null) {
    const at = tl.after(last, plan.startAfterHours, jitter());
    if (!tl.step(at, () => move('started', at, s.handlerId, S.InProgress))) return done();
    last = at;
  }
  if (plan.returned) {
    const { reason, answer, afterHours, answerAfterHours } = plan.returned;
    const at = tl.after(last, afterHours, jitter());
    if (
      !tl.step(at, () => {
        s.returnedFrom = s.status;
        s.returnedAt = at;
        move('returned', at, s.handlerId, S.Returned, reason);
      })
    )
      return done();
    const answeredAt = tl.after(at, answerAfterHours, jitter());
    if (
      !tl.step(answeredAt, () => {
        // The clock stood still while the request waited on the enterprise (ServiceRequestActions.provideInformation).
        const paused = tl.workingHours(s.returnedAt!, answeredAt);
        s.acceptDueAt = s.acceptDueAt && tl.after(s.acceptDueAt, paused);
        s.resolveDueAt = s.resolveDueAt && tl.after(s.resolveDueAt, paused);
        const previous = s.returnedFrom ?? S.Routed;
        s.returnedFrom = null;
        s.returnedAt = null;
        move('information_provided', answeredAt, plan.requesterId, previous, answer);
      })
    )
      return done();
    last = answeredAt;
  }

  const target = tl.after(
    plan.createdAt,
    plan.resolveShare * tl.workingHours(plan.createdAt, s.resolveDueAt!),
    jitter(),
  );
  const resolvedAt = target > last ? target : tl.after(last, 0.5 + random.next(), jitter());
  const between: { at: Date; run: () => void; touchesRow: boolean }[] = [];
  if (plan.progressNote && !plan.returned) {
    const at = tl.after(last, 1 + random.next() * 3, jitter());
    between.push({
      at,
      touchesRow: false,
      run: () => tl.record({ type: 'comment', at, actor: s.handlerId, body: plan.progressNote!, data: {} }),
    });
  }
  if (plan.chase && s.resolveDueAt! < resolvedAt) {
    const at = tl.after(s.resolveDueAt!, 2 + random.next() * 6, jitter());
    between.push({
      at,
      touchesRow: true,
      run: () => {
        tl.record({ type: 'chased', at, actor: plan.requesterId, body: null, data: {} });
        s.lastChasedAt = at;
      },
    });
  }
  const leader = tl.milestoneAt('resolve', 3);
  if (plan.supervisionNote && leader && leader < resolvedAt) {
    const at = tl.after(leader, 1 + random.next() * 2, jitter());
    between.push({
      at,
      touchesRow: false,
      run: () =>
        tl.record({ type: 'comment', at, actor: plan.leaderId, internal: true, body: plan.supervisionNote!, data: {} }),
    });
  }
  for (const step of between.filter((b) => b.at < resolvedAt).sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (!tl.step(step.at, step.run, { touchesRow: step.touchesRow })) return done();
  }
  if (
    !tl.step(resolvedAt, () => {
      move('resolved', resolvedAt, s.handlerId, S.Resolved, plan.resolution);
      s.resolvedAt = resolvedAt;
      release(resolvedAt);
    })
  )
    return done();

  const late = resolvedAt > s.resolveDueAt! || s.escalationLevel > 0;
  const autoCloseAt = new Date(resolvedAt.getTime() + AUTO_CLOSE_DAYS * DAY_MS + random.int(0, 600_000));
  const closedAt = tl.after(resolvedAt, plan.closeAfterHours, jitter());
  if (plan.closing === 'none' || closedAt >= autoCloseAt) {
    tl.step(autoCloseAt, () => {
      tl.record({
        type: 'closed',
        at: autoCloseAt,
        actor: null,
        body: null,
        data: { from: S.Resolved, to: S.Closed, automatic: true },
        dedupeKey: `auto-close:${resolvedAt.toISOString()}`,
      });
      s.status = S.Closed;
      s.closedAt = autoCloseAt;
    });
    return done();
  }
  if (plan.closing === 'close') {
    tl.step(closedAt, () => {
      move('closed', closedAt, plan.requesterId, S.Closed);
      s.closedAt = closedAt;
    });
    return done();
  }
  const { stars, comment } = plan.rating(late);
  if (
    !tl.step(closedAt, () => {
      move('rated', closedAt, plan.requesterId, S.Closed, comment, { rating: stars });
      s.rating = stars;
      s.ratingComment = comment;
      s.closedAt = closedAt;
    })
  )
    return done();
  if (stars > 2) return done();
  // 回访: an official calls back; older ones are done, with how it ended.
  const calledBack = new Date(closedAt.getTime() + (1 + random.next() * 4) * DAY_MS);
  const finished = calledBack.getTime() < now.getTime() - 14 * DAY_MS;
  return done({
    assigneeId: plan.leaderId,
    reason: `rating ${stars}`,
    createdAt: closedAt,
    status: finished ? 'done' : 'open',
    outcome: finished ? plan.followUpOutcome : null,
    updatedAt: finished ? calledBack : closedAt,
  });
}
