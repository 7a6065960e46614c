import { ShareAltOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

export const resourcesNav: NavItem = {
  path: '/resources',
  api: 'GET /listings',
  labelKey: 'nav.resources',
  icon: <ShareAltOutlined />,
};
