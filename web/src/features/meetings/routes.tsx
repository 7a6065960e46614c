import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../auth/RequireRole';
import { MeetingDetailPage } from './MeetingDetailPage';
import { MeetingsPage } from './MeetingsPage';

/** 联席会议: the pages under the app layout (spread into the router's children). */
export const meetingRoutes: RouteObject[] = [
  { path: 'meetings', element: <RequireRole roles={TENANT_ROLES}>{<MeetingsPage />}</RequireRole> },
  { path: 'meetings/:id', element: <RequireRole roles={TENANT_ROLES}>{<MeetingDetailPage />}</RequireRole> },
];
