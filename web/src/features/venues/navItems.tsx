import { EnvironmentOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/navigation';

/** 活动阵地: one menu entry for every tenant role. */
export const venuesNav: NavItem = { path: '/venues', labelKey: 'nav.venues', icon: <EnvironmentOutlined /> };
