export enum Role {
  PlatformAdmin = 'platform_admin',
  TownshipAdmin = 'township_admin',
  DepartmentStaff = 'department_staff',
  EnterpriseContact = 'enterprise_contact',
  Expert = 'expert',
}

export enum UserStatus {
  Invited = 'invited',
  Active = 'active',
  Disabled = 'disabled',
}
