import { toOrganizationView } from '../organizations/organization.view';
import type { MembershipView } from './dto/membership.dto';
import type { AllianceMembership } from './entities/alliance-membership.entity';
import { Role } from '../../platform/auth/entities/role';

/** Membership lists show only an organisation's public face, never its contacts. */
const PUBLIC_VIEWER = { userId: '', tenantId: null, role: Role.Expert, organizationId: null };

export function toMembershipView(membership: AllianceMembership): MembershipView {
  const organization = toOrganizationView(membership.organization!, PUBLIC_VIEWER);
  return {
    id: membership.id,
    allianceId: membership.allianceId,
    role: membership.role,
    joinedOn: membership.joinedOn,
    leftOn: membership.leftOn,
    leaveReason: membership.leaveReason,
    organization: {
      id: organization.id,
      name: organization.name,
      kind: organization.kind,
      chainPosition: organization.chainPosition,
      partyOrganization: organization.partyOrganization,
    },
  };
}
