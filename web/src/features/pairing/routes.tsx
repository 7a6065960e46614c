import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { PairingPage } from './PairingPage';

/** 结对联系: officials only. */
export const pairingRoutes: RouteObject[] = [{ path: 'pairing', element: <RequireRole roles={['township_admin']}>{<PairingPage />}</RequireRole> }];
