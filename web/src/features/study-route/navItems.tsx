import { FlagOutlined, NodeIndexOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 研学路线: one menu entry for every tenant role. */
export const studyRouteNav: NavItem = {
  path: '/study-route',
  api: 'GET /study-route',
  labelKey: 'nav.studyRoute',
  icon: <FlagOutlined />,
};

/** 示范点管理: officials only (a path of its own, so the menu highlights one entry). */
export const studySitesNav: NavItem = {
  path: '/study-sites',
  api: 'POST /study-route/sites',
  labelKey: 'nav.studySites',
  icon: <NodeIndexOutlined />,
};
