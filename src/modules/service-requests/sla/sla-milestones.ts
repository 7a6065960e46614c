import { ServiceRequestStatus as S } from '../entities/service-request-status';
import { addWorkingTime, CalendarOverrides, workingMinutesBetween } from '../../../platform/calendar/working-calendar';

export type SlaPhase = 'accept' | 'resolve';

export interface Milestone {
  phase: SlaPhase;
  /** warning at 80 % of the time; level 1 at the deadline (the handler), 2 a working day later (the department head), 3 two (the township leader). */
  level: 0 | 1 | 2 | 3;
  at: Date;
  /** Stable for one deadline: a milestone is applied once, however often it is evaluated. */
  key: string;
}

export interface SlaClock {
  status: S;
  createdAt: Date;
  routedAt: Date | null;
  acceptDueAt: Date | null;
  resolveDueAt: Date | null;
}

export const WARNING_SHARE = 0.8;

/** The milestones that apply to a request in its current state, in time order. */
export function milestones(request: SlaClock, calendar: CalendarOverrides): Milestone[] {
  const phases: { phase: SlaPhase; start: Date | null; due: Date | null }[] = [];
  if (request.status === S.Routed) phases.push({ phase: 'accept', start: request.routedAt, due: request.acceptDueAt });
  if ([S.Routed, S.Accepted, S.InProgress].includes(request.status)) {
    phases.push({ phase: 'resolve', start: request.createdAt, due: request.resolveDueAt });
  }
  const result: Milestone[] = [];
  for (const { phase, start, due } of phases) {
    if (!start || !due) continue;
    const span = workingMinutesBetween(start, due, calendar);
    const warning = addWorkingTime(start, (span * WARNING_SHARE) / 60, 'working_hours', calendar);
    const dueKey = due.toISOString();
    result.push({ phase, level: 0, at: warning, key: `sla:${phase}:0:${dueKey}` });
    result.push({ phase, level: 1, at: due, key: `sla:${phase}:1:${dueKey}` });
    result.push({
      phase,
      level: 2,
      at: addWorkingTime(due, 1, 'working_days', calendar),
      key: `sla:${phase}:2:${dueKey}`,
    });
    result.push({
      phase,
      level: 3,
      at: addWorkingTime(due, 2, 'working_days', calendar),
      key: `sla:${phase}:3:${dueKey}`,
    });
  }
  return result.sort((a, b) => a.at.getTime() - b.at.getTime());
}
