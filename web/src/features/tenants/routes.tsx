import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const TenantsPage = lazyPage(() => import('./TenantsPage'), 'TenantsPage');

/** The platform's townships, for platform admins, under the app layout. */
export const tenantRoutes: RouteObject[] = [
  {
    path: 'tenants',
    element: (
      <RequireRole roles={['platform_admin']}>
        <TenantsPage />
      </RequireRole>
    ),
  },
];
