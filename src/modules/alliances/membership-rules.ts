import type { FieldProblem } from '../../platform/errors/domain.exception';
import { OrganizationKind } from '../organizations/entities/organization-kind';
import { AllianceRole } from './entities/alliance-role';

/** What the rules read of an organisation: its kind, and whether it has a Party organisation. */
export interface MembershipCandidate {
  kind: OrganizationKind;
  partyOrganization?: object | null;
}

/**
 * The "1+X+N" rules: the 1 and the N are enterprises with a Party organisation, the X are
 * government departments or units.
 */
export function membershipProblems(organization: MembershipCandidate, role: AllianceRole): FieldProblem[] {
  const wantedKind = role === AllianceRole.Department ? OrganizationKind.Department : OrganizationKind.Enterprise;
  if (organization.kind !== wantedKind) return [{ field: 'role', reason: 'roleKindMismatch' }];
  if (role === AllianceRole.Lead && !organization.partyOrganization) {
    return [{ field: 'organizationId', reason: 'leadNeedsPartyOrganization' }];
  }
  if (role === AllianceRole.Member && !organization.partyOrganization) {
    return [{ field: 'organizationId', reason: 'memberNeedsPartyOrganization' }];
  }
  return [];
}
