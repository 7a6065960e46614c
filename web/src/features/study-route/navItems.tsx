import { FlagOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/navigation';

/** 研学路线: one menu entry for every tenant role. */
export const studyRouteNav: NavItem = { path: '/study-route', labelKey: 'nav.studyRoute', icon: <FlagOutlined /> };
