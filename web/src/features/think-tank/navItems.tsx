import {
  BookOutlined,
  FileTextOutlined,
  IdcardOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

// Distinct top-level paths: the menu highlights the first item whose path prefixes the URL.
const reports = (labelKey: string): NavItem => ({
  path: '/think-tank/reports',
  api: 'GET /think-tank/reports',
  labelKey,
  icon: <FileTextOutlined />,
});
const library: NavItem = {
  path: '/think-tank/library',
  api: 'GET /think-tank/library',
  labelKey: 'nav.thinkTankLibrary',
  icon: <BookOutlined />,
};

/** 智库: the menu entries per role (spread into `navigationByRole`). */
export const thinkTankNav = {
  township_admin: [
    reports('nav.thinkTankAllReports'),
    {
      path: '/think-tank/experts',
      api: 'GET /think-tank/experts',
      labelKey: 'nav.thinkTankExperts',
      icon: <TeamOutlined />,
    },
    {
      path: '/think-tank/rubrics',
      api: 'PUT /think-tank/rubrics/:allianceId',
      labelKey: 'nav.thinkTankRubrics',
      icon: <TableOutlined />,
    },
    library,
  ],
  department_staff: [reports('nav.thinkTankMyReports'), library],
  enterprise_contact: [reports('nav.thinkTankMyReports'), library],
  expert: [
    {
      path: '/think-tank/reviews',
      api: 'GET /think-tank/experts/me/reviews',
      labelKey: 'nav.thinkTankReviews',
      icon: <SolutionOutlined />,
    },
    {
      path: '/think-tank/profile',
      api: 'GET /think-tank/experts/me',
      labelKey: 'nav.thinkTankProfile',
      icon: <IdcardOutlined />,
    },
    reports('nav.thinkTankMyReports'),
    library,
  ],
} satisfies Record<string, NavItem[]>;
