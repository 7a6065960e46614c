import { DashboardOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 联盟驾驶舱: one menu entry for officials and departments. */
export const dashboardNav: NavItem = {
  path: '/dashboard',
  api: 'GET /alliances/:id/dashboard',
  labelKey: 'nav.dashboard',
  icon: <DashboardOutlined />,
};
