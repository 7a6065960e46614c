import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const CheckInPage = lazyPage(() => import('./CheckInPage'), 'CheckInPage');
const MeetingDetailPage = lazyPage(() => import('./MeetingDetailPage'), 'MeetingDetailPage');
const MeetingsPage = lazyPage(() => import('./MeetingsPage'), 'MeetingsPage');

/** 联席会议: the pages under the app layout (spread into the router's children). */
export const meetingRoutes: RouteObject[] = [
  { path: 'meetings', element: <RequireRole roles={TENANT_ROLES}>{<MeetingsPage />}</RequireRole> },
  { path: 'meetings/:id/check-in', element: <RequireRole roles={TENANT_ROLES}>{<CheckInPage />}</RequireRole> },
  { path: 'meetings/:id', element: <RequireRole roles={TENANT_ROLES}>{<MeetingDetailPage />}</RequireRole> },
];
