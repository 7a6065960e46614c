import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const InterestPage = lazyPage(() => import('./InterestPage'), 'InterestPage');
const ResourcesPage = lazyPage(() => import('./ResourcesPage'), 'ResourcesPage');

const members = (page: ReactNode) => (
  <RequireRole roles={['township_admin', 'department_staff', 'enterprise_contact']}>{page}</RequireRole>
);

/** Resource sharing (资源共享), under the app layout. */
export const resourceSharingRoutes: RouteObject[] = [
  { path: 'resources', element: members(<ResourcesPage />) },
  { path: 'resources/interests/:id', element: members(<InterestPage />) },
];
