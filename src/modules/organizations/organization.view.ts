import { Role } from '../../platform/auth/entities/role';
import { maskPhone } from '../../platform/privacy/mask';
import type { Actor } from '../../platform/tenancy/request-actor';
import type { OrganizationView } from './dto/organization.view';
import type { Organization } from './entities/organization.entity';

/** Contacts and the credit code are private to officials, department staff and the organisation itself. */
export function canSeePrivateDetails(actor: Actor, organizationId: string): boolean {
  return (
    actor.role === Role.TownshipAdmin ||
    actor.role === Role.DepartmentStaff ||
    actor.role === Role.PlatformAdmin ||
    actor.organizationId === organizationId
  );
}

/** In lists (`masked`), contacts' phone numbers show only their ends. */
export function toOrganizationView(
  organization: Organization,
  actor: Actor,
  { masked = false } = {},
): OrganizationView {
  const visible = canSeePrivateDetails(actor, organization.id);
  const party = organization.partyOrganization;
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind,
    unifiedCode: visible ? organization.unifiedCode : null,
    industry: organization.industry,
    chainPosition: organization.chainPosition,
    productTags: organization.productTags,
    address: organization.address,
    contacts: visible
      ? organization.contacts.map((c) => (masked && c.phone ? { ...c, phone: maskPhone(c.phone) ?? undefined } : c))
      : [],
    partyOrganization: party
      ? {
          type: party.type,
          name: party.name,
          secretary: party.secretary,
          memberCount: party.memberCount,
          foundedOn: party.foundedOn,
        }
      : null,
    pairedDepartmentId: organization.pairedDepartmentId,
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
  };
}
