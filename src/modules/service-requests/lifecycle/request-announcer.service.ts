import { Injectable } from '@nestjs/common';
import { NotificationType } from '../../../platform/notifications/notification-types';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { ServiceRequest } from '../entities/service-request.entity';
import { ServiceRequestsRepository } from '../service-requests.repository';

type Announced = Pick<ServiceRequest, 'id' | 'number' | 'title' | 'status' | 'requesterUserId' | 'requesterOrganizationId' | 'assignedOrganizationId' | 'handlerId'>;

/** Tells the serving organisation it has a request, and the enterprise how its request moves. */
@Injectable()
export class RequestAnnouncer {
  constructor(
    private readonly tenant: TenantContext,
    private readonly requests: ServiceRequestsRepository,
    private readonly notifier: Notifier,
  ) {}

  /** The handler, the organisation's staff and its group robots. */
  async assigned(request: Announced, dedupeKey?: string): Promise<void> {
    if (!request.assignedOrganizationId) return;
    const names = await this.names(request);
    const staff = await this.requests.staffOf(request.assignedOrganizationId);
    await this.notifier.notify(
      { userIds: [request.handlerId, ...staff].filter((u): u is string => !!u), organizationIds: [request.assignedOrganizationId] },
      NotificationType.RequestAssigned,
      { ...this.payload(request), requesterName: names.requester, organizationName: names.provider },
      { dedupeKey },
    );
  }

  /** The enterprise's contact who asked. */
  async updated(request: Announced, note: string | null, dedupeKey?: string): Promise<void> {
    await this.notifier.notify({ userIds: [request.requesterUserId] }, NotificationType.RequestUpdated, { ...this.payload(request), note }, { dedupeKey });
  }

  async providerName(request: Announced): Promise<string> {
    return (await this.names(request)).provider;
  }

  private payload(request: Announced) {
    return { requestId: request.id, number: request.number, title: request.title, status: request.status };
  }

  private async names(request: Announced): Promise<{ requester: string; provider: string }> {
    return this.tenant.once(`organization-names:${request.requesterOrganizationId}:${request.assignedOrganizationId}`, async () => {
      const [names] = await this.tenant.manager.query<{ requester: string | null; provider: string | null }[]>(
        'SELECT (SELECT name FROM organizations WHERE id = $1) AS requester, (SELECT name FROM organizations WHERE id = $2) AS provider',
        [request.requesterOrganizationId, request.assignedOrganizationId],
      );
      return { requester: names?.requester ?? '', provider: names?.provider ?? '' };
    });
  }
}
