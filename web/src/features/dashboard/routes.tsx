import type { RouteObject } from 'react-router';
import type { Role } from '../../lib/options';
import { RequireAuth } from '../../shell/RequireAuth';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const DashboardPage = lazyPage(() => import('./DashboardPage'), 'DashboardPage');
const WallPage = lazyPage(() => import('./WallPage'), 'WallPage');

/** Officials and departments see the dashboard; only officials export it (the page hides the buttons). */
export const DASHBOARD_ROLES: readonly Role[] = ['township_admin', 'department_staff'];

/** 联盟驾驶舱: the page under the app layout (spread into its children). */
export const dashboardRoutes: RouteObject[] = [
  { path: 'dashboard', element: <RequireRole roles={DASHBOARD_ROLES}>{<DashboardPage />}</RequireRole> },
];

/** The wall display, on its own without the app shell (beside the layout route, not under it). */
export const dashboardWallRoutes: RouteObject[] = [
  {
    path: '/dashboard/:allianceId/wall',
    element: (
      <RequireAuth>
        <RequireRole roles={DASHBOARD_ROLES}>
          <WallPage />
        </RequireRole>
      </RequireAuth>
    ),
  },
];
