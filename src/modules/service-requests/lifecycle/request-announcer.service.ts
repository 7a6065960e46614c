import { Injectable } from '@nestjs/common';
import { ServiceRequestNotification } from '../service-requests.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import type { ServiceRequest } from '../entities/service-request.entity';
import { type RequestParties, ServiceRequestsRepository } from '../service-requests.repository';

type Announced = Pick<
  ServiceRequest,
  | 'id'
  | 'number'
  | 'title'
  | 'status'
  | 'requesterUserId'
  | 'requesterOrganizationId'
  | 'assignedOrganizationId'
  | 'handlerId'
>;

/** Tells the serving organisation it has a request, and the enterprise how its request moves. */
@Injectable()
export class RequestAnnouncer {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly notifier: Notifier,
  ) {}

  /** The handler, the organisation's staff and its group robots. */
  async assigned(request: Announced, dedupeKey?: string): Promise<void> {
    if (!request.assignedOrganizationId) return;
    const parties = await this.parties(request);
    await this.notifier.notify(
      {
        userIds: [request.handlerId, ...parties.staff].filter((u): u is string => !!u),
        organizationIds: [request.assignedOrganizationId],
      },
      ServiceRequestNotification.RequestAssigned,
      { ...this.payload(request), requesterName: parties.requester, organizationName: parties.provider },
      { dedupeKey },
    );
  }

  /** The enterprise's contact who asked. */
  async updated(request: Announced, note: string | null, dedupeKey?: string): Promise<void> {
    await this.notifier.notify(
      { userIds: [request.requesterUserId] },
      ServiceRequestNotification.RequestUpdated,
      { ...this.payload(request), note },
      { dedupeKey },
    );
  }

  async providerName(request: Announced): Promise<string> {
    return (await this.parties(request)).provider;
  }

  private payload(request: Announced) {
    return { requestId: request.id, number: request.number, title: request.title, status: request.status };
  }

  private parties(request: Announced): Promise<RequestParties> {
    return this.requests.parties(request.requesterOrganizationId, request.assignedOrganizationId);
  }
}
