import type { TFunction } from 'i18next';

export const ROLES = ['platform_admin', 'township_admin', 'department_staff', 'enterprise_contact', 'expert'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a township admin may give to people of its own township. */
export const TENANT_ROLES = ['township_admin', 'department_staff', 'enterprise_contact', 'expert'] as const;

export const MEMBERSHIP_ROLES = ['lead', 'department', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const ORGANIZATION_KINDS = ['enterprise', 'department'] as const;
export const CHAIN_POSITIONS = ['upstream', 'midstream', 'downstream'] as const;
export const PARTY_ORG_TYPES = ['committee', 'general_branch', 'branch'] as const;
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;

export function optionsOf<T extends string>(values: readonly T[], t: TFunction, prefix: string) {
  return values.map((value) => {
    const key: string = `${prefix}.${value}`;
    return { value, label: t(key) };
  });
}
