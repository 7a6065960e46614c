import {
  AlertOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  HomeOutlined,
  InboxOutlined,
  PlusOutlined,
  SolutionOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../lib/options';
import { useIsPhone } from '../lib/useIsPhone';
import type { Me } from '../features/auth/api';
import { useUnreadCount } from '../features/notifications/api';
import { MeDrawer } from './MeDrawer';
import { useNavigation } from './useNavigation';
import './phone.css';

interface Tab {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The round call to action in the middle (an enterprise's new request). */
  primary?: boolean;
  /** Carries the unread notification count. */
  unread?: boolean;
  /** Other pages reached from this tab, which keep it highlighted (a request opened from the inbox). */
  also?: string[];
}

const home: Tab = { path: '/home', labelKey: 'phone.tabs.home', icon: <HomeOutlined /> };
const meetings: Tab = { path: '/meetings', labelKey: 'phone.tabs.meetings', icon: <CalendarOutlined /> };
const notifications: Tab = {
  path: '/notifications',
  labelKey: 'phone.tabs.notifications',
  icon: <BellOutlined />,
  unread: true,
};

/**
 * What each role does most on a phone, one tap away; everything else of its menu is under 我的.
 * Enterprises order and departments serve (企业点单、部门服务): the request list and the new request
 * for the one, the inbox for the other.
 */
export const TABS_BY_ROLE: Record<Role, Tab[]> = {
  enterprise_contact: [
    home,
    { path: '/service-requests', labelKey: 'phone.tabs.requests', icon: <UnorderedListOutlined /> },
    { path: '/submit-request', labelKey: 'phone.tabs.submit', icon: <PlusOutlined />, primary: true },
    meetings,
  ],
  department_staff: [
    home,
    { path: '/service-inbox', labelKey: 'phone.tabs.inbox', icon: <InboxOutlined />, also: ['/service-requests'] },
    meetings,
    notifications,
  ],
  township_admin: [
    home,
    { path: '/supervision', labelKey: 'phone.tabs.supervision', icon: <AlertOutlined />, also: ['/service-requests'] },
    meetings,
    notifications,
  ],
  expert: [
    home,
    { path: '/think-tank/reviews', labelKey: 'phone.tabs.reviews', icon: <SolutionOutlined /> },
    meetings,
    notifications,
  ],
  platform_admin: [{ path: '/tenants', labelKey: 'phone.tabs.tenants', icon: <BankOutlined /> }, notifications],
};

const within = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** On a phone, the app's navigation: a bar along the bottom edge, in reach of the thumb. */
export function BottomTabBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { pathname } = useLocation();
  const [meOpen, setMeOpen] = useState(false);
  const unread = useUnreadCount().data?.unreadCount ?? 0;
  const navigation = useNavigation(me.role).items;

  if (!phone) return null;
  const tabs = TABS_BY_ROLE[me.role];
  const active =
    tabs.find((tab) => within(pathname, tab.path)) ??
    tabs.find((tab) => tab.also?.some((path) => within(pathname, path)));
  // 我的 stands for the pages of the menu the tab bar has no room for.
  const inDrawer = !active && navigation.some((item) => within(pathname, item.path));
  const unreadElsewhere = tabs.some((tab) => tab.unread) ? 0 : unread;

  return (
    <>
      <nav className="tab-bar" aria-label={t('phone.tabBar')} data-testid="tab-bar">
        {tabs.map((tab) => (
          <Link
            key={tab.path}
            to={tab.path}
            className={`tab-bar-item${tab === active ? ' tab-bar-item-active' : ''}${tab.primary ? ' tab-bar-item-primary' : ''}`}
            aria-current={tab === active ? 'page' : undefined}
            data-testid={`tab${tab.path.replace(/\//g, '-')}`}
          >
            <Badge count={tab.unread ? unread : 0} size="small" offset={[4, 0]}>
              <span className="tab-bar-icon">{tab.icon}</span>
            </Badge>
            <span className="tab-bar-label">{t(tab.labelKey)}</span>
          </Link>
        ))}
        <button
          type="button"
          className={`tab-bar-item${inDrawer || meOpen ? ' tab-bar-item-active' : ''}`}
          aria-expanded={meOpen}
          onClick={() => setMeOpen(true)}
          data-testid="tab-me"
        >
          <Badge count={unreadElsewhere} size="small" offset={[4, 0]}>
            <span className="tab-bar-icon">
              <UserOutlined />
            </span>
          </Badge>
          <span className="tab-bar-label">{t('phone.tabs.me')}</span>
        </button>
      </nav>
      <MeDrawer
        me={me}
        open={meOpen}
        onClose={() => setMeOpen(false)}
        exclude={tabs.map((tab) => tab.path)}
        unread={unread}
      />
    </>
  );
}
