import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const CasePage = lazyPage(() => import('../cases/CasePage'), 'CasePage');
const CasesPage = lazyPage(() => import('../cases/CasesPage'), 'CasesPage');
const IndicatorsPage = lazyPage(() => import('../indicators/IndicatorsPage'), 'IndicatorsPage');
const RoundPage = lazyPage(() => import('../indicators/RoundPage'), 'RoundPage');
const ProjectCallPage = lazyPage(() => import('../project-calls/ProjectCallPage'), 'ProjectCallPage');
const ProjectCallsPage = lazyPage(() => import('../project-calls/ProjectCallsPage'), 'ProjectCallsPage');
const InterestPage = lazyPage(() => import('./InterestPage'), 'InterestPage');
const ResourcesPage = lazyPage(() => import('./ResourcesPage'), 'ResourcesPage');

const MEMBERS = ['township_admin', 'department_staff', 'enterprise_contact'] as const;
const members = (page: ReactNode) => <RequireRole roles={MEMBERS}>{page}</RequireRole>;
const reporters = (page: ReactNode) => <RequireRole roles={['township_admin', 'enterprise_contact']}>{page}</RequireRole>;

/** Resource sharing, project calls, typical cases and indicators, under the app layout. */
export const allianceServiceRoutes: RouteObject[] = [
  { path: 'resources', element: members(<ResourcesPage />) },
  { path: 'resources/interests/:id', element: members(<InterestPage />) },
  { path: 'project-calls', element: members(<ProjectCallsPage />) },
  { path: 'project-calls/:id', element: members(<ProjectCallPage />) },
  { path: 'cases', element: members(<CasesPage />) },
  { path: 'cases/:id', element: members(<CasePage />) },
  { path: 'indicators', element: reporters(<IndicatorsPage />) },
  { path: 'indicators/:id', element: reporters(<RoundPage />) },
];
