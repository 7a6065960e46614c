import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequireRole } from './features/auth/RequireRole';
import { actionItemRoutes } from './features/action-items/routes';
import { pairingRoutes } from './features/pairing/routes';
import { studyRouteRoutes } from './features/study-route/routes';
import { venueRoutes } from './features/venues/routes';
import { allianceServiceRoutes } from './features/resources/routes';
import { dashboardRoutes, dashboardWallRoutes } from './features/dashboard/routes';
import { meetingRoutes } from './features/meetings/routes';
import { serviceRequestRoutes } from './features/service-requests/routes';
import { thinkTankRoutes } from './features/think-tank/routes';
import { session } from './features/auth/session';
import { AntAppOutlet, AppLayout, HomePage, HomeRedirect, preloadSignedIn } from './features/shell/lazyShell';
import { PageLoading } from './features/shell/PageLoading';
import { loadAllTexts } from './i18n';
import { lazyPage } from './lib/lazyPage';
import { TENANT_ROLES, type Role } from './lib/options';

// Each page's code loads when it is first shown; meanwhile a spinner, in the app shell when signed in.
const AlliancePage = lazyPage(() => import('./features/alliances/AlliancePage'), 'AlliancePage');
const AlliancesPage = lazyPage(() => import('./features/alliances/AlliancesPage'), 'AlliancesPage');
const AuditLogPage = lazyPage(() => import('./features/audit/AuditLogPage'), 'AuditLogPage');
const AcceptInvitationPage = lazyPage(() => import('./features/auth/AcceptInvitationPage'), 'AcceptInvitationPage');
const LoginPage = lazyPage(() => import('./features/auth/LoginPage'), 'LoginPage');
const ImportExportPage = lazyPage(() => import('./features/jobs/ImportExportPage'), 'ImportExportPage');
const DeliveriesPage = lazyPage(() => import('./features/notifications/DeliveriesPage'), 'DeliveriesPage');
const BackupsPage = lazyPage(() => import('./features/backups/BackupsPage'), 'BackupsPage');
const NotificationCenterPage = lazyPage(() => import('./features/notifications/NotificationCenterPage'), 'NotificationCenterPage');
const NotificationsPage = lazyPage(() => import('./features/notifications/NotificationsPage'), 'NotificationsPage');
const PreferencesPage = lazyPage(() => import('./features/notifications/PreferencesPage'), 'PreferencesPage');
const OrganizationFormPage = lazyPage(() => import('./features/organizations/OrganizationFormPage'), 'OrganizationFormPage');
const OrganizationsPage = lazyPage(() => import('./features/organizations/OrganizationsPage'), 'OrganizationsPage');
const PublicShowcasePage = lazyPage(() => import('./features/showcase/PublicShowcasePage'), 'PublicShowcasePage');
const TenantsPage = lazyPage(() => import('./features/tenants/TenantsPage'), 'TenantsPage');
const UsersPage = lazyPage(() => import('./features/users/UsersPage'), 'UsersPage');
// It may show outside the pages that load every text (the root's errors), so it loads them too.
const ErrorPage = lazyPage(() => Promise.all([import('./features/shell/ErrorPage'), loadAllTexts()]).then(([module]) => module), 'ErrorPage');
const NotFoundPage = lazyPage(() => import('./features/shell/StatusPage'), 'NotFoundPage');

// Signed in already: the frame's code loads beside the entry's, not after the profile.
if (session.tokens) preloadSignedIn();

const townshipAdmin = (page: ReactNode) => <RequireRole roles={['township_admin']}>{page}</RequireRole>;
const only = (roles: readonly Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

export const router = createBrowserRouter([
  {
    errorElement: (
      <Suspense fallback={<PageLoading fullPage />}>
        <ErrorPage />
      </Suspense>
    ),
    element: (
      <Suspense fallback={<PageLoading fullPage />}>
        <Outlet />
      </Suspense>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        // Every page but the login page, under antd's App.
        element: <AntAppOutlet />,
        children: [
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
                errorElement: (
                  <Suspense fallback={<PageLoading />}>
                    <ErrorPage />
                  </Suspense>
                ),
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
                  { path: 'backups', element: only(['platform_admin'], <BackupsPage />) },
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
    ],
  },
]);

