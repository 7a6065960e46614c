import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../auth/RequireRole';
import { ScanPage } from './ScanPage';
import { StudyRoutePage } from './StudyRoutePage';

/** 研学路线: the route page and the page a site's QR code opens. */
export const studyRouteRoutes: RouteObject[] = [
  { path: 'study-route', element: <RequireRole roles={TENANT_ROLES}>{<StudyRoutePage />}</RequireRole> },
  { path: 'study-route/scan/:token', element: <RequireRole roles={TENANT_ROLES}>{<ScanPage />}</RequireRole> },
];
