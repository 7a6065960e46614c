import { EnvironmentOutlined, ShopOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 活动阵地: one menu entry for every tenant role. */
export const venuesNav: NavItem = {
  path: '/venues',
  api: 'GET /venue-bookings',
  labelKey: 'nav.venues',
  icon: <EnvironmentOutlined />,
};

/** 场地管理: officials only (a path of its own, so the menu highlights one entry). */
export const venueAdminNav: NavItem = {
  path: '/venue-admin',
  api: 'POST /venues',
  labelKey: 'nav.venueAdmin',
  icon: <ShopOutlined />,
};
