import { ServiceRequestStatus as S } from '../../../src/modules/service-requests/entities/service-request-status';
import { milestones } from '../../../src/modules/service-requests/sla/sla-milestones';
import {
  addWorkingTime,
  type CalendarOverrides,
  type SlaUnit,
  workingMinutesBetween,
} from '../../../src/platform/calendar/working-calendar';

/** One entry of a request's timeline, as the product writes it (service_request_events). */
export interface TimelineEvent {
  type: string;
  at: Date;
  actor: string | null;
  internal: boolean;
  body: string | null;
  data: Record<string, unknown>;
  dedupeKey: string | null;
}

/** The request's columns as the product leaves them after its steps up to "now". */
export interface RequestState {
  status: S;
  createdAt: Date;
  updatedAt: Date;
  returnedFrom: S | null;
  assignedOrganizationId: string | null;
  handlerId: string | null;
  routedAt: Date | null;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
  acceptedAt: Date | null;
  returnedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  escalationLevel: number;
  slaState: 'on_track' | 'at_risk' | 'breached';
  nextSlaCheckAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  lastChasedAt: Date | null;
}

export interface Sla {
  acceptWithin: number;
  acceptUnit: SlaUnit;
  resolveWithin: number;
  resolveUnit: SlaUnit;
}

/** A job's delay after the instant it was due (a delayed BullMQ job, or the one-minute sweep). */
const TIMER_LATENCY_MS = 1_000;

/**
 * Replays a request's lifecycle the way the product runs it, step by step up to "now": each step
 * is checked against the state machine's order, stamped with its time, and followed by the SLA
 * evaluation the product does (SlaEvaluator.settle); between steps the SLA timers fire at their
 * milestones. A step after "now" does not happen, so recent requests stay open.
 */
export class RequestTimeline {
  readonly events: TimelineEvent[] = [];
  readonly state: RequestState;
  private readonly applied = new Set<string>();

  constructor(
    createdAt: Date,
    private readonly now: Date,
    private readonly calendar: CalendarOverrides,
  ) {
    this.state = {
      status: S.Submitted,
      createdAt,
      updatedAt: createdAt,
      returnedFrom: null,
      assignedOrganizationId: null,
      handlerId: null,
      routedAt: null,
      acceptDueAt: null,
      resolveDueAt: null,
      acceptedAt: null,
      returnedAt: null,
      resolvedAt: null,
      closedAt: null,
      escalationLevel: 0,
      slaState: 'on_track',
      nextSlaCheckAt: null,
      rating: null,
      ratingComment: null,
      lastChasedAt: null,
    };
  }

  get open(): boolean {
    return [S.Routed, S.Accepted, S.InProgress, S.Returned].includes(this.state.status);
  }

  /** Working time after `from` (hours), the way deadlines are counted. */
  after(from: Date, hours: number, seconds = 0): Date {
    return new Date(
      addWorkingTime(from, Math.max(hours, 0), 'working_hours', this.calendar).getTime() + seconds * 1000,
    );
  }

  due(from: Date, amount: number, unit: SlaUnit): Date {
    return addWorkingTime(from, amount, unit, this.calendar);
  }

  workingHours(from: Date, to: Date): number {
    return workingMinutesBetween(from, to, this.calendar) / 60;
  }

  /** When the milestone of `phase` and `level` falls for the current deadlines, if it applies now. */
  milestoneAt(phase: 'accept' | 'resolve', level: number): Date | null {
    return milestones(this.state, this.calendar).find((m) => m.phase === phase && m.level === level)?.at ?? null;
  }

  /** An entry written with the request's own change, e.g. the submission. */
  record(
    event: Omit<TimelineEvent, 'internal' | 'dedupeKey'> & { internal?: boolean; dedupeKey?: string | null },
  ): void {
    this.events.push({ internal: false, dedupeKey: null, ...event });
  }

  /**
   * One step at `at`: the timers due before it fire, then `change` applies (it records its own
   * entry) and the SLA is settled in the new state. False, and nothing done, when `at` is after now.
   */
  step(at: Date, change: () => void, { touchesRow = true } = {}): boolean {
    if (at > this.now) return false;
    this.fireTimers(at);
    change();
    this.settle(at, at.getTime() - 1);
    if (touchesRow) this.state.updatedAt = at;
    return true;
  }

  /** The timers that fired up to now, and the next milestone the sweep will look at. */
  finish(): void {
    this.fireTimers(new Date(this.now.getTime() + 1));
    this.state.nextSlaCheckAt = milestones(this.state, this.calendar).find((m) => !this.applied.has(m.key))?.at ?? null;
  }

  private fireTimers(before: Date): void {
    for (;;) {
      const next = milestones(this.state, this.calendar).find((m) => !this.applied.has(m.key));
      if (!next || next.at >= before) return;
      const firedAt = Math.min(next.at.getTime() + TIMER_LATENCY_MS, before.getTime() - 1);
      this.settle(next.at, firedAt);
      this.state.updatedAt = new Date(firedAt);
    }
  }

  /** SlaEvaluator.settle at `at`: the due milestones not yet on the timeline are added (at `stamp`). */
  private settle(at: Date, stamp: number): void {
    const all = milestones(this.state, this.calendar);
    for (const m of all.filter((x) => x.at <= at)) {
      const added = !this.applied.has(m.key);
      if (added) {
        this.applied.add(m.key);
        const dueAt = m.phase === 'accept' ? this.state.acceptDueAt : this.state.resolveDueAt;
        this.events.push({
          type: m.level === 0 ? 'sla_warning' : m.level === 1 ? 'sla_breached' : 'escalated',
          at: new Date(stamp),
          actor: null,
          internal: true,
          body: null,
          data: { phase: m.phase, level: m.level, dueAt: dueAt?.toISOString() ?? null },
          dedupeKey: m.key,
        });
      }
      if (m.level === 0 && this.state.slaState === 'on_track') this.state.slaState = 'at_risk';
      if (m.level > 0) this.state.slaState = 'breached';
      if (added || m.level > this.state.escalationLevel)
        this.state.escalationLevel = Math.max(this.state.escalationLevel, m.level);
    }
    if (all.length === 0) this.state.slaState = this.state.slaState === 'breached' ? 'breached' : 'on_track';
  }
}
