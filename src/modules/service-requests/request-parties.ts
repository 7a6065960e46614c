import { Role } from '../../platform/auth/entities/role';
import type { Actor } from '../../platform/tenancy/request-actor';
import type { Party } from './lifecycle/transitions';
import { TRANSITIONS, Action } from './lifecycle/transitions';
import type { ServiceRequest } from './entities/service-request.entity';

/** The parts the actor plays on this request: the enterprise that asked, the server, an official. */
export function partiesOf(
  actor: Actor,
  request: Pick<ServiceRequest, 'requesterOrganizationId' | 'assignedOrganizationId'>,
): Party[] {
  const parties: Party[] = [];
  if (actor.role === Role.TownshipAdmin) parties.push('official');
  if (
    actor.organizationId &&
    actor.role === Role.EnterpriseContact &&
    actor.organizationId === request.requesterOrganizationId
  )
    parties.push('requester');
  if (actor.organizationId && actor.organizationId === request.assignedOrganizationId) parties.push('provider');
  return parties;
}

/** The actions the state machine allows these parties now (the page shows these buttons). */
export function allowedActions(parties: Party[], status: ServiceRequest['status']): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter(
    (action) =>
      action !== 'auto_close' &&
      TRANSITIONS[action].from.includes(status) &&
      TRANSITIONS[action].by.some((p) => parties.includes(p)),
  );
}
