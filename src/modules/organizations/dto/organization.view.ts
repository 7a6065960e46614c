import { ChainPosition, OrganizationKind, PartyOrganizationType } from '../entities/organization-kind';

export class PartyOrganizationView {
  type: PartyOrganizationType;
  name: string;
  secretary: string | null;
  memberCount: number;
  foundedOn: string | null;
}

export class ContactView {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

export class OrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  unifiedCode: string | null;
  industry: string | null;
  chainPosition: ChainPosition | null;
  productTags: string[];
  address: string | null;
  /** Private: only officials, department staff and the organisation's own contacts see them. */
  contacts: ContactView[];
  partyOrganization: PartyOrganizationView | null;
  pairedDepartmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class OrganizationPage {
  items: OrganizationView[];
  nextCursor: string | null;
}
