import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  MessageOutlined,
  NotificationOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TeamOutlined,
  WarningOutlined,
  BulbOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../lib/options';
import { mayCall, type ApiRoute } from './routeAccess';
import { actionItemsNav } from '../features/action-items/navItems';
import { pairingNav } from '../features/pairing/navItems';
import { studyRouteNav, studySitesNav } from '../features/study-route/navItems';
import { venueAdminNav, venuesNav } from '../features/venues/navItems';
import { dashboardNav } from '../features/dashboard/navItems';
import { ledgerNav } from '../features/ledger/navItems';
import { meetingsNav } from '../features/meetings/navItems';
import { indicatorsNav } from '../features/indicators/navItems';
import { projectCallsNav } from '../features/project-calls/navItems';
import { resourcesNav } from '../features/resource-sharing/navItems';
import { casesNav } from '../features/typical-cases/navItems';
import { serviceRequestNav } from '../features/service-requests/navItems';
import { thinkTankNav } from '../features/think-tank/navItems';

export interface NavItem {
  /** Route path; also the menu key. */
  path: string;
  /**
   * The API route the page cannot do without: a role sees the entry only when the API admits it
   * there, so a menu never offers a page whose first request would be refused.
   */
  api: ApiRoute;
  /** i18n key of the label. */
  labelKey: string;
  icon: ReactNode;
  /** Shown only when this holds for the person's organisation (see `useNavigation`). */
  onlyIf?: 'servesRequests';
}

/** A collapsible submenu of the side navigation. */
export interface NavGroup {
  /** Menu key, remembered in the browser while the group is open: `group:<name>`. */
  key: string;
  labelKey: string;
  icon: ReactNode;
  items: NavItem[];
}

export type NavEntry = NavItem | NavGroup;

export const isNavGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;

const group = (name: string, icon: ReactNode, items: NavItem[]): NavGroup => ({
  key: `group:${name}`,
  labelKey: `nav.groups.${name}`,
  icon,
  items,
});

const home: NavItem = { path: '/home', api: 'GET /workbench', labelKey: 'nav.home', icon: <HomeOutlined /> };

const inbox: NavItem = {
  path: '/notifications',
  api: 'GET /notifications',
  labelKey: 'nav.notifications',
  icon: <BellOutlined />,
};
const preferences: NavItem = {
  path: '/settings/notifications',
  api: 'GET /notification-preferences',
  labelKey: 'nav.notificationPreferences',
  icon: <SettingOutlined />,
};

/**
 * Everyone's own inbox and notification preferences, at the end of each menu. Platform admins
 * belong to no township, receive no notifications and cannot store per-type preferences, so
 * they get the inbox only.
 */
const messages = group('messages', <MessageOutlined />, [inbox, preferences]);

/**
 * Side navigation per role: the workbench first for everyone with a township, then groups named
 * for the alliance's work. What a role may open is not decided here but by the API: each entry
 * names the route its page needs (`api`), and `admitted` drops every entry whose route the API's
 * own declarations (@Roles) refuse the role. The browser test `navigation.test.ts` still visits
 * each entry as each role and fails on any refused request.
 */
const menus: Record<Role, NavEntry[]> = {
  platform_admin: [
    { path: '/tenants', api: 'GET /tenants', labelKey: 'nav.tenants', icon: <BankOutlined /> },
    {
      path: '/notification-deliveries',
      api: 'GET /admin/notification-deliveries',
      labelKey: 'nav.failedDeliveries',
      icon: <WarningOutlined />,
    },
    { path: '/backups', api: 'GET /admin/backups/runs', labelKey: 'nav.backups', icon: <CloudSyncOutlined /> },
    inbox,
  ],
  township_admin: [
    home,
    dashboardNav,
    group('members', <ClusterOutlined />, [
      { path: '/alliances', api: 'GET /alliances', labelKey: 'nav.alliances', icon: <ClusterOutlined /> },
      { path: '/organizations', api: 'GET /organizations', labelKey: 'nav.organizations', icon: <ApartmentOutlined /> },
      { path: '/users', api: 'GET /users', labelKey: 'nav.users', icon: <TeamOutlined /> },
      ledgerNav,
    ]),
    group('services', <CustomerServiceOutlined />, [...serviceRequestNav.township_admin, pairingNav]),
    group('meetings', <CalendarOutlined />, [meetingsNav, actionItemsNav]),
    group('thinkTank', <BulbOutlined />, thinkTankNav.township_admin),
    group('venues', <EnvironmentOutlined />, [venuesNav, venueAdminNav, studyRouteNav, studySitesNav]),
    group('resources', <ShareAltOutlined />, [resourcesNav, projectCallsNav, casesNav, indicatorsNav]),
    group('system', <AppstoreOutlined />, [
      { path: '/imports', api: 'GET /jobs', labelKey: 'nav.imports', icon: <CloudSyncOutlined /> },
      { path: '/audit-log', api: 'GET /audit-log', labelKey: 'nav.auditLog', icon: <AuditOutlined /> },
      {
        path: '/settings/notification-center',
        api: 'GET /notification-settings',
        labelKey: 'nav.notificationCenter',
        icon: <NotificationOutlined />,
      },
      inbox,
      preferences,
    ]),
  ],
  department_staff: [
    home,
    dashboardNav,
    ...serviceRequestNav.department_staff,
    group('meetings', <CalendarOutlined />, [meetingsNav, actionItemsNav]),
    group('thinkTank', <BulbOutlined />, thinkTankNav.department_staff),
    group('venues', <EnvironmentOutlined />, [venuesNav, studyRouteNav]),
    group('resources', <ShareAltOutlined />, [resourcesNav, projectCallsNav, casesNav]),
    messages,
  ],
  enterprise_contact: [
    home,
    ...serviceRequestNav.enterprise_contact,
    group('meetings', <CalendarOutlined />, [meetingsNav, actionItemsNav]),
    group('thinkTank', <BulbOutlined />, thinkTankNav.enterprise_contact),
    group('venues', <EnvironmentOutlined />, [venuesNav, studyRouteNav]),
    group('resources', <ShareAltOutlined />, [resourcesNav, projectCallsNav, casesNav, indicatorsNav]),
    messages,
  ],
  expert: [home, ...thinkTankNav.expert, meetingsNav, studyRouteNav, messages],
};

/** A role's menu as arranged above, without the entries (and emptied groups) the API refuses the role. */
function admitted(role: Role, entries: NavEntry[]): NavEntry[] {
  return entries
    .map((entry) =>
      isNavGroup(entry) ? { ...entry, items: entry.items.filter((item) => mayCall(item.api, role)) } : entry,
    )
    .filter((entry) => (isNavGroup(entry) ? entry.items.length > 0 : mayCall(entry.api, role)));
}

const allowedMenus = Object.fromEntries(
  Object.entries(menus).map(([role, entries]) => [role, admitted(role as Role, entries)]),
) as Record<Role, NavEntry[]>;

/** A menu this short reads best as one list: its groups are shown as plain entries. */
const GROUP_ABOVE = 10;

export function flattenNav(entries: NavEntry[]): NavItem[] {
  return entries.flatMap((entry) => (isNavGroup(entry) ? entry.items : [entry]));
}

/** The side menu of a role: grouped when long, else the same entries as one list. */
export const menuByRole: Record<Role, NavEntry[]> = Object.fromEntries(
  Object.entries(allowedMenus).map(([role, entries]) => [
    role,
    flattenNav(entries).length > GROUP_ABOVE ? entries : flattenNav(entries),
  ]),
) as Record<Role, NavEntry[]>;

/** Every entry of a role's menu, in menu order (the bottom tab bar and the page titles read this). */
export const navigationByRole: Record<Role, NavItem[]> = Object.fromEntries(
  Object.entries(allowedMenus).map(([role, entries]) => [role, flattenNav(entries)]),
) as Record<Role, NavItem[]>;

/** The entry a URL belongs to: the longest path that is the URL or a parent of it. */
export function navItemFor(role: Role, pathname: string): NavItem | undefined {
  return navigationByRole[role]
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The group holding a URL's entry, if the role's menu is grouped. */
export function navGroupFor(role: Role, pathname: string): NavGroup | undefined {
  const item = navItemFor(role, pathname);
  return item && menuByRole[role].filter(isNavGroup).find((g) => g.items.includes(item));
}

/** The page a role lands on after signing in. */
export function homePathFor(role: Role): string {
  return navigationByRole[role][0]?.path ?? '/home';
}
