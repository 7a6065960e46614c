import {
  AlertOutlined,
  BarChartOutlined,
  FormOutlined,
  InboxOutlined,
  ProfileOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { NavItem } from '../../shell/navigation';

// Distinct top-level paths: the menu highlights the first item whose path prefixes the URL.
const list = (labelKey: string): NavItem => ({
  path: '/service-requests',
  api: 'GET /service-requests',
  labelKey,
  icon: <UnorderedListOutlined />,
});
const submit: NavItem = {
  path: '/submit-request',
  api: 'POST /service-requests',
  labelKey: 'nav.submitServiceRequest',
  icon: <FormOutlined />,
};
const inbox: NavItem = {
  path: '/service-inbox',
  api: 'GET /service-requests',
  labelKey: 'nav.serviceInbox',
  icon: <InboxOutlined />,
};

/** 企业点单、部门服务: the menu entries per role (spread into `navigationByRole`). */
export const serviceRequestNav = {
  township_admin: [
    {
      path: '/supervision',
      api: 'GET /service-requests/supervision',
      labelKey: 'nav.supervision',
      icon: <AlertOutlined />,
    },
    {
      path: '/service-statistics',
      api: 'GET /service-requests/statistics',
      labelKey: 'nav.serviceStatistics',
      icon: <BarChartOutlined />,
    },
    list('nav.allServiceRequests'),
    {
      path: '/service-catalogue',
      api: 'POST /alliances/:id/service-categories',
      labelKey: 'nav.serviceCatalogue',
      icon: <ProfileOutlined />,
    },
  ],
  department_staff: [inbox],
  // A lead enterprise may serve requests (e.g. project applications); one that serves nothing has no inbox.
  enterprise_contact: [list('nav.myServiceRequests'), submit, { ...inbox, onlyIf: 'servesRequests' }],
} satisfies Record<string, NavItem[]>;
