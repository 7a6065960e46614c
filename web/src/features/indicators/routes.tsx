import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const IndicatorsPage = lazyPage(() => import('./IndicatorsPage'), 'IndicatorsPage');
const RoundPage = lazyPage(() => import('./RoundPage'), 'RoundPage');

const reporters = (page: ReactNode) => (
  <RequireRole roles={['township_admin', 'enterprise_contact']}>{page}</RequireRole>
);

/** Enterprise indicators (指标填报), for officials and enterprises, under the app layout. */
export const indicatorRoutes: RouteObject[] = [
  { path: 'indicators', element: reporters(<IndicatorsPage />) },
  { path: 'indicators/:id', element: reporters(<RoundPage />) },
];
