import { Injectable } from '@nestjs/common';
import { ServiceRequestNotification } from '../service-requests.notifications';
import { Notifier } from '../../../platform/notifications/notifier.service';
import { TenantContext } from '../../../platform/tenancy/tenant-context.service';
import type { ServiceRequest } from '../entities/service-request.entity';
import { PeopleDirectory } from '../../users/people-directory.service';
import { OrganizationDirectory } from '../../organizations/organization-directory.service';

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
    private readonly organizationDirectory: OrganizationDirectory,
    private readonly peopleDirectory: PeopleDirectory,
    private readonly tenant: TenantContext,
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

  /** Both organisations' names and the serving organisation's active staff. */
  private parties(request: Announced): Promise<{ requester: string; provider: string; staff: string[] }> {
    return this.tenant.once(
      `request-parties:${request.requesterOrganizationId}:${request.assignedOrganizationId}`,
      async () => {
        const names = await this.organizationDirectory.names([
          request.requesterOrganizationId,
          request.assignedOrganizationId,
        ]);
        const provider = request.assignedOrganizationId;
        return {
          requester: names.get(request.requesterOrganizationId) ?? '',
          provider: (provider && names.get(provider)) ?? '',
          staff: provider ? await this.peopleDirectory.activeStaff(provider) : [],
        };
      },
    );
  }
}
