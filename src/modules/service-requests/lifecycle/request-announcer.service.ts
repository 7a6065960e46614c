import { Injectable } from '@nestjs/common';
import { ServiceRequestNotification } from '../service-requests.notifications';
import { type Notice, notice, Notifier } from '../../../platform/notifications/notifier.service';
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

/**
 * Tells the serving organisation it has a request, and the enterprise how its request moves: the
 * notices of one step, told together (one round trip for their events).
 */
@Injectable()
export class RequestAnnouncer {
  constructor(
    private readonly requests: ServiceRequestsRepository,
    private readonly notifier: Notifier,
  ) {}

  /** The notices, as one batch (Notifier.notifyAll); none for the nulls. */
  async tell(...notices: (Notice | null)[]): Promise<void> {
    const told = notices.filter((n): n is Notice => n !== null);
    if (told.length > 0) await this.notifier.notifyAll(told);
  }

  /** The handler, the organisation's staff and its group robots; null when the request has no organisation. */
  async assigned(request: Announced, dedupeKey?: string): Promise<Notice | null> {
    if (!request.assignedOrganizationId) return null;
    const parties = await this.parties(request);
    return notice(
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
  updated(request: Announced, note: string | null, dedupeKey?: string): Notice {
    return notice(
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
