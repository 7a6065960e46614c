export type OrganizationKindValue = 'enterprise' | 'department';
