import { Role } from '../entities/role';
import { OrganizationKindValue } from './organization-kind-value';

export class MeTenantDto {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
}

export class MeOrganizationDto {
  id: string;
  name: string;
  kind: OrganizationKindValue;
}

export class MeDto {
  id: string;
  email: string | null;
  mobile: string | null;
  displayName: string;
  role: Role;
  locale: string;
  tenant: MeTenantDto | null;
  organization: MeOrganizationDto | null;
}
