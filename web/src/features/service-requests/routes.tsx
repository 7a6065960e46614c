import type { RouteObject } from 'react-router';
import type { ReactNode } from 'react';
import type { Role } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const CataloguePage = lazyPage(() => import('./CataloguePage'), 'CataloguePage');
const InboxPage = lazyPage(() => import('./InboxPage'), 'InboxPage');
const RequestDetailPage = lazyPage(() => import('./RequestDetailPage'), 'RequestDetailPage');
const ServiceRequestsPage = lazyPage(() => import('./ServiceRequestsPage'), 'ServiceRequestsPage');
const StatisticsPage = lazyPage(() => import('./StatisticsPage'), 'StatisticsPage');
const SubmitRequestPage = lazyPage(() => import('./SubmitRequestPage'), 'SubmitRequestPage');
const SupervisionPage = lazyPage(() => import('./SupervisionPage'), 'SupervisionPage');

const PARTIES: readonly Role[] = ['township_admin', 'department_staff', 'enterprise_contact'];
const only = (roles: readonly Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

/** 企业点单、部门服务: the pages under the app layout (spread into the router's children). */
export const serviceRequestRoutes: RouteObject[] = [
  { path: 'service-requests', element: only(['township_admin', 'enterprise_contact'], <ServiceRequestsPage />) },
  { path: 'service-requests/:id', element: only(PARTIES, <RequestDetailPage />) },
  { path: 'submit-request', element: only(['enterprise_contact'], <SubmitRequestPage />) },
  { path: 'service-inbox', element: only(['department_staff', 'enterprise_contact'], <InboxPage />) },
  { path: 'supervision', element: only(['township_admin'], <SupervisionPage />) },
  { path: 'service-statistics', element: only(['township_admin'], <StatisticsPage />) },
  { path: 'service-catalogue', element: only(['township_admin'], <CataloguePage />) },
];
