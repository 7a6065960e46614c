import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const ImportExportPage = lazyPage(() => import('./ImportExportPage'), 'ImportExportPage');

/** Importing and exporting the registry, for officials, under the app layout. */
export const registryTransferRoutes: RouteObject[] = [
  {
    path: 'imports',
    element: (
      <RequireRole roles={['township_admin']}>
        <ImportExportPage />
      </RequireRole>
    ),
  },
];
