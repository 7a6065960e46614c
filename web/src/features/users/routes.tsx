import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

/** The township's accounts, for officials, under the app layout. */
export const userRoutes: RouteObject[] = [
  {
    path: 'users',
    element: (
      <RequireRole roles={['township_admin']}>
        <UsersPage />
      </RequireRole>
    ),
  },
];
