import { BarChartOutlined, FileSearchOutlined, ShareAltOutlined, TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/navigation';

export const resourcesNav: NavItem = { path: '/resources', labelKey: 'nav.resources', icon: <ShareAltOutlined /> };
export const projectCallsNav: NavItem = { path: '/project-calls', labelKey: 'nav.projectCalls', icon: <FileSearchOutlined /> };
export const casesNav: NavItem = { path: '/cases', labelKey: 'nav.cases', icon: <TrophyOutlined /> };
export const indicatorsNav: NavItem = { path: '/indicators', labelKey: 'nav.indicators', icon: <BarChartOutlined /> };

/** Resource sharing, project calls and typical cases for every member role; indicators for officials and enterprises. */
export const allianceServicesNav = {
  township_admin: [resourcesNav, projectCallsNav, casesNav, indicatorsNav],
  department_staff: [resourcesNav, projectCallsNav, casesNav],
  enterprise_contact: [resourcesNav, projectCallsNav, casesNav, indicatorsNav],
};
