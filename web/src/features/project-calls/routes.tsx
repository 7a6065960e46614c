import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const ProjectCallPage = lazyPage(() => import('./ProjectCallPage'), 'ProjectCallPage');
const ProjectCallsPage = lazyPage(() => import('./ProjectCallsPage'), 'ProjectCallsPage');

const members = (page: ReactNode) => (
  <RequireRole roles={['township_admin', 'department_staff', 'enterprise_contact']}>{page}</RequireRole>
);

/** Project calls (项目申报), under the app layout. */
export const projectCallRoutes: RouteObject[] = [
  { path: 'project-calls', element: members(<ProjectCallsPage />) },
  { path: 'project-calls/:id', element: members(<ProjectCallPage />) },
];
