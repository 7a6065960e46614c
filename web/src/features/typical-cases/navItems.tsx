import { TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

export const casesNav: NavItem = {
  path: '/cases',
  api: 'GET /typical-cases',
  labelKey: 'nav.cases',
  icon: <TrophyOutlined />,
};
