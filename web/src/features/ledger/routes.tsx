import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const LedgerPage = lazyPage(() => import('./LedgerPage'), 'LedgerPage');

/** 工作台账, for officials, under the app layout. */
export const ledgerRoutes: RouteObject[] = [
  {
    path: 'ledgers',
    element: (
      <RequireRole roles={['township_admin']}>
        <LedgerPage />
      </RequireRole>
    ),
  },
];
