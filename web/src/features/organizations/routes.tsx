import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const OrganizationFormPage = lazyPage(() => import('./OrganizationFormPage'), 'OrganizationFormPage');
const OrganizationsPage = lazyPage(() => import('./OrganizationsPage'), 'OrganizationsPage');

/** The registry of organisations; an enterprise's contact edits their own, under the app layout. */
export const organizationRoutes: RouteObject[] = [
  {
    path: 'organizations',
    element: (
      <RequireRole roles={['township_admin']}>
        <OrganizationsPage />
      </RequireRole>
    ),
  },
  {
    path: 'organizations/new',
    element: (
      <RequireRole roles={['township_admin']}>
        <OrganizationFormPage />
      </RequireRole>
    ),
  },
  {
    path: 'organizations/:id/edit',
    element: (
      <RequireRole roles={['township_admin', 'enterprise_contact']}>
        <OrganizationFormPage />
      </RequireRole>
    ),
  },
];
