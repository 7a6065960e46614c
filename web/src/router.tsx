import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AlliancePage } from './features/alliances/AlliancePage';
import { AlliancesPage } from './features/alliances/AlliancesPage';
import { AuditLogPage } from './features/audit/AuditLogPage';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequireRole } from './features/auth/RequireRole';
import { HomePage } from './features/home/HomePage';
import { ImportExportPage } from './features/jobs/ImportExportPage';
import { DeliveriesPage } from './features/notifications/DeliveriesPage';
import { NotificationCenterPage } from './features/notifications/NotificationCenterPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { PreferencesPage } from './features/notifications/PreferencesPage';
import { OrganizationFormPage } from './features/organizations/OrganizationFormPage';
import { OrganizationsPage } from './features/organizations/OrganizationsPage';
import { actionItemRoutes } from './features/action-items/routes';
import { pairingRoutes } from './features/pairing/routes';
import { studyRouteRoutes } from './features/study-route/routes';
import { venueRoutes } from './features/venues/routes';
import { allianceServiceRoutes } from './features/resources/routes';
import { PublicShowcasePage } from './features/showcase/PublicShowcasePage';
import { dashboardRoutes, dashboardWallRoutes } from './features/dashboard/routes';
import { meetingRoutes } from './features/meetings/routes';
import { serviceRequestRoutes } from './features/service-requests/routes';
import { thinkTankRoutes } from './features/think-tank/routes';
import { AppLayout } from './features/shell/AppLayout';
import { ErrorPage } from './features/shell/ErrorPage';
import { HomeRedirect } from './features/shell/HomeRedirect';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { TenantsPage } from './features/tenants/TenantsPage';
import { UsersPage } from './features/users/UsersPage';
import { TENANT_ROLES, type Role } from './lib/options';

const townshipAdmin = (page: ReactNode) => <RequireRole roles={['township_admin']}>{page}</RequireRole>;
const only = (roles: readonly Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

export const router = createBrowserRouter([
  {
    errorElement: <ErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/accept-invitation', element: <AcceptInvitationPage /> },
      { path: '/showcase/:slug', element: <PublicShowcasePage /> },
      ...dashboardWallRoutes,
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          {
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'home', element: <HomePage /> },
              { path: 'alliances', element: townshipAdmin(<AlliancesPage />) },
              { path: 'alliances/:id', element: townshipAdmin(<AlliancePage />) },
              { path: 'organizations', element: townshipAdmin(<OrganizationsPage />) },
              { path: 'organizations/new', element: townshipAdmin(<OrganizationFormPage />) },
              {
                path: 'organizations/:id/edit',
                element: only(['township_admin', 'enterprise_contact'], <OrganizationFormPage />),
              },
              { path: 'users', element: townshipAdmin(<UsersPage />) },
              { path: 'imports', element: townshipAdmin(<ImportExportPage />) },
              { path: 'audit-log', element: townshipAdmin(<AuditLogPage />) },
              { path: 'tenants', element: only(['platform_admin'], <TenantsPage />) },
              { path: 'notification-deliveries', element: only(['platform_admin'], <DeliveriesPage />) },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'settings/notifications', element: only(TENANT_ROLES, <PreferencesPage />) },
              { path: 'settings/notification-center', element: townshipAdmin(<NotificationCenterPage />) },
              ...serviceRequestRoutes,
              ...meetingRoutes,
              ...actionItemRoutes,
              ...venueRoutes,
              ...studyRouteRoutes,
              ...pairingRoutes,
              ...thinkTankRoutes,
              ...allianceServiceRoutes,
              ...dashboardRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

