import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const ExpertProfilePage = lazyPage(() => import('./ExpertProfilePage'), 'ExpertProfilePage');
const ExpertsPage = lazyPage(() => import('./ExpertsPage'), 'ExpertsPage');
const LibraryPage = lazyPage(() => import('./LibraryPage'), 'LibraryPage');
const ReportPage = lazyPage(() => import('./ReportPage'), 'ReportPage');
const ReportsPage = lazyPage(() => import('./ReportsPage'), 'ReportsPage');
const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');
const ReviewQueuePage = lazyPage(() => import('./ReviewQueuePage'), 'ReviewQueuePage');
const RubricsPage = lazyPage(() => import('./RubricsPage'), 'RubricsPage');

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
