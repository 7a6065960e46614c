import { Injectable } from '@nestjs/common';
import { IntakeRoutingAdvisor } from '../../intake/intake-routing-advisor.service';
import type { RoutingRule } from '../entities/routing-rule.entity';
import type { ServiceRequest } from '../entities/service-request.entity';
import { RoutingRepository } from './routing.repository';
import { ServiceRequestsRepository } from '../service-requests.repository';

/** The department the township's history suggested, and how sure the model was. */
export interface HistorySuggestion {
  organizationId: string;
  name: string | null;
  confidence: number;
}

export interface RoutingDecision {
  organizationId: string;
  handlerId: string | null;
  reason: 'rule' | 'paired_department' | 'history' | 'category_provider';
  ruleId?: string;
  /** reason 'history': how sure the model was. */
  confidence?: number;
  /** reason 'category_provider': what the model suggested below its threshold, for the official to weigh. */
  suggestion?: HistorySuggestion;
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
 * department, else (the alliance's switch 按历史分派 on) the department the township's intake model
 * is confident of, else the category's provider; then the least-loaded active handler there. The
 * model only ever replaces the provider's default: a rule or a pairing an official set up wins.
 */
@Injectable()
export class RequestRouter {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly routing: RoutingRepository,
    private readonly intake: IntakeRoutingAdvisor,
  ) {}

  async decide(request: ServiceRequest): Promise<RoutingDecision> {
    const { category, rules, pairedDepartmentId, routeByHistory, servingDepartmentIds } =
      await this.routing.routingFacts(request);
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
    const advice = routeByHistory ? await this.intake.department(request.tenantId, request) : null;
    // Only a department that serves the alliance now (or the category's own provider) may take it:
    // the model remembers departments that have since left, or served another alliance.
    const serves =
      !!advice &&
      (advice.organizationId === category.providerOrganizationId ||
        servingDepartmentIds.includes(advice.organizationId));
    if (advice && serves && advice.confident)
      return {
        organizationId: advice.organizationId,
        handlerId: await this.handlerFor(request, advice.organizationId),
        reason: 'history',
        confidence: advice.probability,
      };
    return {
      organizationId: category.providerOrganizationId,
      handlerId: await this.handlerFor(request, category.providerOrganizationId),
      reason: 'category_provider',
      ...(advice && serves
        ? { suggestion: { organizationId: advice.organizationId, name: advice.name, confidence: advice.probability } }
        : {}),
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
