import { Injectable } from '@nestjs/common';
import type { RoutingRule } from '../entities/routing-rule.entity';
import type { ServiceRequest } from '../entities/service-request.entity';
import { RoutingRepository } from './routing.repository';
import { ServiceRequestsRepository } from '../service-requests.repository';

export interface RoutingDecision {
  organizationId: string;
  handlerId: string | null;
  reason: 'rule' | 'paired_department' | 'category_provider';
  ruleId?: string;
}

/** Does the rule fit the request? A category, if given, must match; keywords, if given, one must appear. */
export function ruleMatches(
  rule: Pick<RoutingRule, 'categoryId' | 'keywords'>,
  request: Pick<ServiceRequest, 'categoryId' | 'title' | 'description'>,
): boolean {
  if (rule.categoryId && rule.categoryId !== request.categoryId) return false;
  if (rule.keywords.length === 0) return !!rule.categoryId;
  const text = `${request.title}\n${request.description}`.toLowerCase();
  return rule.keywords.some((keyword) => keyword.trim() && text.includes(keyword.trim().toLowerCase()));
}

/**
 * Picks the serving organisation: the first matching routing rule, else the enterprise's paired
 * department, else the category's provider; then the least-loaded active handler there.
 */
@Injectable()
export class RequestRouter {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly routing: RoutingRepository,
  ) {}

  async decide(request: ServiceRequest): Promise<RoutingDecision> {
    const { category, rules, pairedDepartmentId } = await this.routing.routingFacts(request);
    const rule = rules.find((r) => ruleMatches(r, request));
    if (rule)
      return {
        organizationId: rule.targetOrganizationId,
        handlerId: await this.handlerFor(request, rule.targetOrganizationId),
        reason: 'rule',
        ruleId: rule.id,
      };
    if (pairedDepartmentId)
      return {
        organizationId: pairedDepartmentId,
        handlerId: await this.handlerFor(request, pairedDepartmentId),
        reason: 'paired_department',
      };
    return {
      organizationId: category.providerOrganizationId,
      handlerId: await this.handlerFor(request, category.providerOrganizationId),
      reason: 'category_provider',
    };
  }

  /** The handler, reading with it the parties that the routed request's announcement names. */
  private async handlerFor(request: ServiceRequest, organizationId: string): Promise<string | null> {
    const { handlerId, parties } = await this.routing.leastLoadedHandlerAndParties(
      organizationId,
      request.requesterOrganizationId,
    );
    await this.requests.rememberParties(request.requesterOrganizationId, organizationId, parties);
    return handlerId;
  }

  /** The active staff member with the fewest open requests; the longest-serving wins a tie. */
  leastLoadedHandler(organizationId: string): Promise<string | null> {
    return this.routing.leastLoadedHandler(organizationId);
  }
}
