import { BarChartOutlined, FileSearchOutlined, ShareAltOutlined, TrophyOutlined } from '@ant-design/icons';
import type { NavItem } from '../shell/navigation';

export const resourcesNav: NavItem = { path: '/resources', api: 'GET /listings', labelKey: 'nav.resources', icon: <ShareAltOutlined /> };
export const projectCallsNav: NavItem = { path: '/project-calls', api: 'GET /project-calls', labelKey: 'nav.projectCalls', icon: <FileSearchOutlined /> };
export const casesNav: NavItem = { path: '/cases', api: 'GET /typical-cases', labelKey: 'nav.cases', icon: <TrophyOutlined /> };
export const indicatorsNav: NavItem = { path: '/indicators', api: 'GET /indicator-rounds', labelKey: 'nav.indicators', icon: <BarChartOutlined /> };

/** Resource sharing, project calls and typical cases for every member role; indicators for officials and enterprises. */
export const allianceServicesNav = {
  township_admin: [resourcesNav, projectCallsNav, casesNav, indicatorsNav],
  department_staff: [resourcesNav, projectCallsNav, casesNav],
  enterprise_contact: [resourcesNav, projectCallsNav, casesNav, indicatorsNav],
};
