import { BarChartOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

export const indicatorsNav: NavItem = {
  path: '/indicators',
  api: 'GET /indicator-rounds',
  labelKey: 'nav.indicators',
  icon: <BarChartOutlined />,
};
