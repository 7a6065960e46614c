import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { localDate } from '../../platform/clock/local-date';
import { DomainException } from '../../platform/errors/domain.exception';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { townshipSettings } from '../../platform/tenancy/township-settings';
import { ServiceRequestsService } from '../service-requests/service-requests.service';
import {
  WorkbenchItemKind,
  type WorkbenchItemView,
  type WorkbenchSectionView,
  type WorkbenchView,
} from './dto/workbench.view';
import type { RawItem, Statement, WorkbenchScope } from './sections/section-statement';
import { WorkbenchRepository } from './workbench.repository';
import { sectionsFor } from './workbench-sections';

/** How many items each section lists; the count says how many more wait. */
export const WORKBENCH_ITEMS = 5;

/**
 * 工作台: what waits for the signed-in person now, section by section (see workbench-sections.ts),
 * each with its count and its first items. Every statement runs under the request's row-level
 * security (the township) and is narrowed to the person or their organisation.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly clock: Clock,
    private readonly requests: ServiceRequestsService,
    private readonly statements: WorkbenchRepository,
  ) {}

  async read(actor: Actor): Promise<WorkbenchView> {
    if (!actor.tenantId) throw DomainException.forbidden();
    const scope = await this.scope(actor);
    const run = (statement: Statement) => this.statements.section(statement);
    const sections: WorkbenchSectionView[] = [];
    // One after another: they share the request transaction's connection.
    for (const { section, optional } of sectionsFor(actor.role, (page) => this.requests.supervision(page))) {
      const rows = await section.read(scope, run);
      if (optional && rows.total === 0) continue;
      sections.push({ key: section.key, total: rows.total, items: rows.items.map((item) => toItem(item, scope)) });
    }
    return {
      role: actor.role,
      timeZone: scope.timeZone,
      generatedAt: scope.now,
      weekStart: scope.weekStart,
      weekEnd: scope.weekEnd,
      sections,
    };
  }

  /** "Now", today and this week on the township's clock and calendar. */
  async scope(actor: Actor): Promise<WorkbenchScope> {
    const now = this.clock.now();
    const { timeZone } = await townshipSettings(this.tenant, actor.tenantId!);
    const { weekStart, weekEnd } = await this.statements.week(now, timeZone);
    return {
      actor,
      now,
      today: localDate(now, timeZone),
      timeZone,
      weekStart,
      weekEnd,
      limit: WORKBENCH_ITEMS,
    };
  }
}

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

/** Dates as instants, and whether the deadline has passed: a time against now, a day against today. */
export function toItem(raw: RawItem, scope: Pick<WorkbenchScope, 'now' | 'today'>): WorkbenchItemView {
  const dueAt = instant(raw.dueAt);
  const dueOn = raw.dueOn ?? null;
  // A meeting's "due" time is its start: one under way is not late.
  const overdue =
    raw.kind !== WorkbenchItemKind.Meeting &&
    ((dueAt !== null && dueAt < scope.now) || (dueOn !== null && dueOn < scope.today));
  return {
    kind: raw.kind,
    id: raw.id,
    title: raw.title,
    reference: raw.reference ?? null,
    counterpart: raw.counterpart ?? null,
    action: raw.action,
    dueAt,
    dueOn,
    overdue,
    since: instant(raw.since),
    endsAt: instant(raw.endsAt),
    escalationLevel: raw.escalationLevel ?? null,
    rating: raw.rating ?? null,
  };
}
