import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const VenueAdminPage = lazyPage(() => import('./VenueAdminPage'), 'VenueAdminPage');
const VenuesPage = lazyPage(() => import('./VenuesPage'), 'VenuesPage');

/** 活动阵地: venues, calendar, booking and approvals; 场地管理 for officials. */
export const venueRoutes: RouteObject[] = [
  { path: 'venues', element: <RequireRole roles={TENANT_ROLES}>{<VenuesPage />}</RequireRole> },
  { path: 'venues/bookings', element: <RequireRole roles={TENANT_ROLES}>{<VenuesPage />}</RequireRole> },
  { path: 'venue-admin', element: <RequireRole roles={['township_admin']}>{<VenueAdminPage />}</RequireRole> },
];
