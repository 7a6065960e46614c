import { CheckSquareOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 议定事项: one menu entry for every tenant role. */
export const actionItemsNav: NavItem = {
  path: '/action-items',
  api: 'GET /action-items',
  labelKey: 'nav.actionItems',
  icon: <CheckSquareOutlined />,
};
