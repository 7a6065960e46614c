import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CloudSyncOutlined,
  HomeOutlined,
  NotificationOutlined,
  SettingOutlined,
  TeamOutlined,
  ClusterOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../lib/options';
import { actionItemsNav } from '../action-items/navItems';
import { pairingNav } from '../pairing/navItems';
import { studyRouteNav, studySitesNav } from '../study-route/navItems';
import { venueAdminNav, venuesNav } from '../venues/navItems';
import { dashboardNav } from '../dashboard/navItems';
import { meetingsNav } from '../meetings/navItems';
import { allianceServicesNav } from '../resources/navItems';
import { serviceRequestNav } from '../service-requests/navItems';
import { thinkTankNav } from '../think-tank/navItems';

export interface NavItem {
  /** Route path; also the menu key. */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon: ReactNode;
}

const home: NavItem = { path: '/home', labelKey: 'nav.home', icon: <HomeOutlined /> };

const inbox: NavItem = { path: '/notifications', labelKey: 'nav.notifications', icon: <BellOutlined /> };

/**
 * Everyone's own inbox and notification preferences, at the end of each menu. Platform admins
 * belong to no township, receive no notifications and cannot store per-type preferences, so
 * they get the inbox only.
 */
const notifications: NavItem[] = [
  inbox,
  { path: '/settings/notifications', labelKey: 'nav.notificationPreferences', icon: <SettingOutlined /> },
];

/**
 * Side navigation per role. Later modules (service requests, meetings, think tank)
 * add their entries here.
 */
export const navigationByRole: Record<Role, NavItem[]> = {
  platform_admin: [
    { path: '/tenants', labelKey: 'nav.tenants', icon: <BankOutlined /> },
    { path: '/notification-deliveries', labelKey: 'nav.failedDeliveries', icon: <WarningOutlined /> },
    inbox,
  ],
  township_admin: [
    { path: '/alliances', labelKey: 'nav.alliances', icon: <ClusterOutlined /> },
    dashboardNav,
    { path: '/organizations', labelKey: 'nav.organizations', icon: <ApartmentOutlined /> },
    { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined /> },
    { path: '/imports', labelKey: 'nav.imports', icon: <CloudSyncOutlined /> },
    ...serviceRequestNav.township_admin,
    meetingsNav,
    actionItemsNav,
    venuesNav,
    venueAdminNav,
    studyRouteNav,
    studySitesNav,
    pairingNav,
    ...thinkTankNav.township_admin,
    ...allianceServicesNav.township_admin,
    { path: '/audit-log', labelKey: 'nav.auditLog', icon: <AuditOutlined /> },
    { path: '/settings/notification-center', labelKey: 'nav.notificationCenter', icon: <NotificationOutlined /> },
    ...notifications,
  ],
  department_staff: [home, dashboardNav, ...serviceRequestNav.department_staff, meetingsNav, actionItemsNav, ...thinkTankNav.department_staff, venuesNav, studyRouteNav, ...allianceServicesNav.department_staff, ...notifications],
  enterprise_contact: [home, ...serviceRequestNav.enterprise_contact, meetingsNav, actionItemsNav, ...thinkTankNav.enterprise_contact, venuesNav, studyRouteNav, ...allianceServicesNav.enterprise_contact, ...notifications],
  expert: [home, ...thinkTankNav.expert, meetingsNav, actionItemsNav, venuesNav, studyRouteNav, ...notifications],
};

/** The page a role lands on after signing in. */
export function homePathFor(role: Role): string {
  return navigationByRole[role][0]?.path ?? '/home';
}
