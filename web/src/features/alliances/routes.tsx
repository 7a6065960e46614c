import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const AlliancePage = lazyPage(() => import('./AlliancePage'), 'AlliancePage');
const AlliancesPage = lazyPage(() => import('./AlliancesPage'), 'AlliancesPage');

/** The 1+X+N alliances, for officials, under the app layout. */
export const allianceRoutes: RouteObject[] = [
  {
    path: 'alliances',
    element: (
      <RequireRole roles={['township_admin']}>
        <AlliancesPage />
      </RequireRole>
    ),
  },
  {
    path: 'alliances/:id',
    element: (
      <RequireRole roles={['township_admin']}>
        <AlliancePage />
      </RequireRole>
    ),
  },
];
