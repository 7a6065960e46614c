import { FileSearchOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

export const projectCallsNav: NavItem = {
  path: '/project-calls',
  api: 'GET /project-calls',
  labelKey: 'nav.projectCalls',
  icon: <FileSearchOutlined />,
};
