import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudSyncOutlined,
  HomeOutlined,
  TeamOutlined,
  ClusterOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../lib/options';

export interface NavItem {
  /** Route path; also the menu key. */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon: ReactNode;
}

const home: NavItem = { path: '/home', labelKey: 'nav.home', icon: <HomeOutlined /> };

/**
 * Side navigation per role. Later modules (service requests, meetings, think tank)
 * add their entries here.
 */
export const navigationByRole: Record<Role, NavItem[]> = {
  platform_admin: [{ path: '/tenants', labelKey: 'nav.tenants', icon: <BankOutlined /> }],
  township_admin: [
    { path: '/alliances', labelKey: 'nav.alliances', icon: <ClusterOutlined /> },
    { path: '/organizations', labelKey: 'nav.organizations', icon: <ApartmentOutlined /> },
    { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined /> },
    { path: '/imports', labelKey: 'nav.imports', icon: <CloudSyncOutlined /> },
    { path: '/audit-log', labelKey: 'nav.auditLog', icon: <AuditOutlined /> },
  ],
  department_staff: [home],
  enterprise_contact: [home],
  expert: [home],
};

/** The page a role lands on after signing in. */
export function homePathFor(role: Role): string {
  return navigationByRole[role][0]?.path ?? '/home';
}
