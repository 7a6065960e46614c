import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const ScanPage = lazyPage(() => import('./ScanPage'), 'ScanPage');
const StudyRoutePage = lazyPage(() => import('./StudyRoutePage'), 'StudyRoutePage');
const StudySitesPage = lazyPage(() => import('./StudySitesPage'), 'StudySitesPage');

/** 研学路线: the route page, the page a site's QR code opens, and the officials' site management. */
export const studyRouteRoutes: RouteObject[] = [
  { path: 'study-route', element: <RequireRole roles={TENANT_ROLES}>{<StudyRoutePage />}</RequireRole> },
  { path: 'study-sites', element: <RequireRole roles={['township_admin']}>{<StudySitesPage />}</RequireRole> },
  { path: 'study-route/scan/:token', element: <RequireRole roles={TENANT_ROLES}>{<ScanPage />}</RequireRole> },
];
