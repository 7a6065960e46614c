import type { Dayjs } from 'dayjs';
import { fromApiDate, toApiDate } from '../../lib/dates';
import { blankToNull, blankToUndefined } from '../../lib/forms';
import type { CreateOrganizationInput, Organization, UpdateOrganizationInput } from './api';

type PartyOrganization = NonNullable<Organization['partyOrganization']>;
type Contact = Organization['contacts'][number];

export interface OrganizationFormValues {
  name: string;
  kind: Organization['kind'];
  unifiedCode?: string;
  industry?: string;
  chainPosition?: Organization['chainPosition'];
  productTags: string[];
  address?: string;
  contacts: Partial<Contact>[];
  hasPartyOrganization: boolean;
  partyOrganization?: {
    type?: PartyOrganization['type'];
    name?: string;
    secretary?: string;
    memberCount?: number | null;
    foundedOn?: Dayjs;
  };
}

export const emptyOrganization: OrganizationFormValues = {
  name: '',
  kind: 'enterprise',
  productTags: [],
  contacts: [],
  hasPartyOrganization: false,
};

export function toFormValues(org: Organization): OrganizationFormValues {
  const party = org.partyOrganization;
  return {
    name: org.name,
    kind: org.kind,
    unifiedCode: org.unifiedCode ?? undefined,
    industry: org.industry ?? undefined,
    chainPosition: org.chainPosition ?? undefined,
    productTags: org.productTags ?? [],
    address: org.address ?? undefined,
    contacts: org.contacts ?? [],
    hasPartyOrganization: party !== null,
    partyOrganization: party
      ? {
          type: party.type,
          name: party.name,
          secretary: party.secretary ?? undefined,
          memberCount: party.memberCount,
          foundedOn: fromApiDate(party.foundedOn),
        }
      : undefined,
  };
}

/** Everything but the kind, which is fixed once an organisation is created. */
function withoutKind(values: OrganizationFormValues): Omit<CreateOrganizationInput, 'kind'> {
  const party = values.partyOrganization;
  return {
    name: values.name.trim(),
    unifiedCode: blankToNull(values.unifiedCode),
    industry: blankToNull(values.industry),
    chainPosition: values.chainPosition ?? null,
    productTags: values.productTags ?? [],
    address: blankToNull(values.address),
    contacts: (values.contacts ?? []).map((contact) => ({
      name: (contact.name ?? '').trim(),
      title: blankToUndefined(contact.title),
      phone: blankToUndefined(contact.phone),
      email: blankToUndefined(contact.email),
    })),
    partyOrganization:
      values.hasPartyOrganization && party?.type
        ? {
            type: party.type,
            name: (party.name ?? '').trim(),
            secretary: blankToNull(party.secretary),
            memberCount: party.memberCount ?? 0,
            foundedOn: toApiDate(party.foundedOn) ?? null,
          }
        : null,
  };
}

/** Form values to the create body. */
export function toCreateInput(values: OrganizationFormValues): CreateOrganizationInput {
  return { ...withoutKind(values), kind: values.kind };
}

/** Form values to a full update; an organisation's kind is fixed once created. */
export function toUpdateInput(values: OrganizationFormValues): UpdateOrganizationInput {
  return withoutKind(values);
}
