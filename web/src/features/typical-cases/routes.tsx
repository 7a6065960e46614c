import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const CasePage = lazyPage(() => import('./CasePage'), 'CasePage');
const CasesPage = lazyPage(() => import('./CasesPage'), 'CasesPage');
const PublicShowcasePage = lazyPage(() => import('./PublicShowcasePage'), 'PublicShowcasePage');

const members = (page: ReactNode) => (
  <RequireRole roles={['township_admin', 'department_staff', 'enterprise_contact']}>{page}</RequireRole>
);

/** Typical cases (典型案例), under the app layout. */
export const typicalCaseRoutes: RouteObject[] = [
  { path: 'cases', element: members(<CasesPage />) },
  { path: 'cases/:id', element: members(<CasePage />) },
];

/** The alliance's public showcase: no sign-in, no app layout. */
export const publicShowcaseRoutes: RouteObject[] = [{ path: '/showcase/:slug', element: <PublicShowcasePage /> }];
