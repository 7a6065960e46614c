import { Injectable } from '@nestjs/common';
import { IntakeModelCache } from './intake-model-cache.service';

/**
 * The lowest confidence the router acts on, whatever the model's own measured threshold says: a
 * request sent to the wrong department costs a transfer (转办), so a weak model never routes.
 */
export const HISTORY_ROUTING_FLOOR = 0.8;

/** The township's model's department for a request, and whether it is sure enough to route by it. */
export interface DepartmentAdvice {
  organizationId: string;
  /** The department's name when the model was trained, for the official's page. */
  name: string | null;
  /** Rounded to two places, as the timeline shows it. */
  probability: number;
  /** max(the model's measured department threshold, HISTORY_ROUTING_FLOOR). */
  threshold: number;
  confident: boolean;
}

/**
 * What routing asks of smart intake (智能派单): the serving department that the township's own
 * history suggests. The model is loaded once per township and process and reused (IntakeModelCache,
 * rechecked every few seconds), so a routing job pays only the prediction, a few microseconds.
 */
/** What the advisor reads of a request: its text, and (when known) who asks in which alliance. */
export interface RequestToRoute {
  title: string;
  description: string;
  requesterOrganizationId?: string | null;
  allianceId?: string | null;
}

@Injectable()
export class IntakeRoutingAdvisor {
  constructor(private readonly cache: IntakeModelCache) {}

  /** Null when the township has no model yet or the text gives it nothing to go on. Call within the township's transaction. */
  async department(tenantId: string, request: RequestToRoute): Promise<DepartmentAdvice | null> {
    const cached = await this.cache.recent(tenantId);
    if (!cached) return null;
    const { model, departmentNames } = cached;
    const features = model.features(request.title, request.description);
    if (features.size === 0) return null;
    // Who asks, weighed as in training: the same words go to another department in another alliance.
    const [top] = model.rank('department', features, {
      organizationId: request.requesterOrganizationId,
      allianceId: request.allianceId,
    });
    if (!top) return null;
    const threshold = Math.max(model.data.thresholds.department, HISTORY_ROUTING_FLOOR);
    return {
      organizationId: top.label,
      name: departmentNames[top.label] ?? null,
      probability: Math.floor(top.probability * 100) / 100,
      threshold,
      confident: top.probability >= threshold,
    };
  }
}
