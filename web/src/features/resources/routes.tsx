import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { CasePage } from '../cases/CasePage';
import { CasesPage } from '../cases/CasesPage';
import { IndicatorsPage } from '../indicators/IndicatorsPage';
import { RoundPage } from '../indicators/RoundPage';
import { ProjectCallPage } from '../project-calls/ProjectCallPage';
import { ProjectCallsPage } from '../project-calls/ProjectCallsPage';
import { InterestPage } from './InterestPage';
import { ResourcesPage } from './ResourcesPage';

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
