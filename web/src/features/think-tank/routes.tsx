import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../auth/RequireRole';
import { ExpertProfilePage } from './ExpertProfilePage';
import { ExpertsPage } from './ExpertsPage';
import { LibraryPage } from './LibraryPage';
import { ReportPage } from './ReportPage';
import { ReportsPage } from './ReportsPage';
import { ReviewPage } from './ReviewPage';
import { ReviewQueuePage } from './ReviewQueuePage';
import { RubricsPage } from './RubricsPage';

const official = ['township_admin'] as const;
const expert = ['expert'] as const;

/** 智库: the pages under the app layout (spread into the router's children). */
export const thinkTankRoutes: RouteObject[] = [
  { path: 'think-tank/reports', element: <RequireRole roles={TENANT_ROLES}>{<ReportsPage />}</RequireRole> },
  { path: 'think-tank/reports/:id', element: <RequireRole roles={TENANT_ROLES}>{<ReportPage />}</RequireRole> },
  { path: 'think-tank/reviews', element: <RequireRole roles={expert}>{<ReviewQueuePage />}</RequireRole> },
  { path: 'think-tank/reviews/:id', element: <RequireRole roles={expert}>{<ReviewPage />}</RequireRole> },
  { path: 'think-tank/profile', element: <RequireRole roles={expert}>{<ExpertProfilePage />}</RequireRole> },
  { path: 'think-tank/experts', element: <RequireRole roles={official}>{<ExpertsPage />}</RequireRole> },
  { path: 'think-tank/rubrics', element: <RequireRole roles={official}>{<RubricsPage />}</RequireRole> },
  { path: 'think-tank/library', element: <RequireRole roles={TENANT_ROLES}>{<LibraryPage />}</RequireRole> },
];
