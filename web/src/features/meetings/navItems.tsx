import { CalendarOutlined } from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

/** 联席会议: one menu entry for every tenant role. */
export const meetingsNav: NavItem = {
  path: '/meetings',
  api: 'GET /meetings',
  labelKey: 'nav.meetings',
  icon: <CalendarOutlined />,
};
