import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const BackupsPage = lazyPage(() => import('./BackupsPage'), 'BackupsPage');

/** Backups and their verification, for platform admins, under the app layout. */
export const backupRoutes: RouteObject[] = [
  {
    path: 'backups',
    element: (
      <RequireRole roles={['platform_admin']}>
        <BackupsPage />
      </RequireRole>
    ),
  },
];
