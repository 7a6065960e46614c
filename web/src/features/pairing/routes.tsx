import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const PairingPage = lazyPage(() => import('./PairingPage'), 'PairingPage');

/** 结对联系: officials only. */
export const pairingRoutes: RouteObject[] = [
  { path: 'pairing', element: <RequireRole roles={['township_admin']}>{<PairingPage />}</RequireRole> },
];
