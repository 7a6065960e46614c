import { Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { RequireAuth } from './shell/RequireAuth';
import { actionItemRoutes } from './features/action-items/routes';
import { allianceRoutes } from './features/alliances/routes';
import { auditRoutes } from './features/audit/routes';
import { invitationRoutes, loginRoutes } from './features/auth/routes';
import { backupRoutes } from './features/backup/routes';
import { dashboardRoutes, dashboardWallRoutes } from './features/dashboard/routes';
import { ledgerRoutes } from './features/ledger/routes';
import { indicatorRoutes } from './features/indicators/routes';
import { meetingRoutes } from './features/meetings/routes';
import { notificationRoutes } from './features/notifications/routes';
import { organizationRoutes } from './features/organizations/routes';
import { pairingRoutes } from './features/pairing/routes';
import { projectCallRoutes } from './features/project-calls/routes';
import { registryTransferRoutes } from './features/registry-transfer/routes';
import { resourceSharingRoutes } from './features/resource-sharing/routes';
import { serviceRequestRoutes } from './features/service-requests/routes';
import { studyRouteRoutes } from './features/study-route/routes';
import { tenantRoutes } from './features/tenants/routes';
import { thinkTankRoutes } from './features/think-tank/routes';
import { publicShowcaseRoutes, typicalCaseRoutes } from './features/typical-cases/routes';
import { userRoutes } from './features/users/routes';
import { venueRoutes } from './features/venues/routes';
import { workbenchRoutes } from './features/workbench/routes';
import { session } from './lib/session';
import { AntAppOutlet, AppLayout, preloadSignedIn } from './shell/lazyShell';
import { PageLoading } from './lib/PageLoading';
import { loadAllTexts } from './i18n';
import { lazyPage } from './lib/lazyPage';

/**
 * One convention: each feature declares its pages in its own routes.tsx (lazy pages, the roles that
 * may see them); this file only places those lists in the app's frame.
 */

// It may show outside the pages that load every text (the root's errors), so it loads them too.
const ErrorPage = lazyPage(
  () => Promise.all([import('./shell/ErrorPage'), loadAllTexts()]).then(([module]) => module),
  'ErrorPage',
);
const NotFoundPage = lazyPage(() => import('./shell/StatusPage'), 'NotFoundPage');

// Signed in already: the frame's code loads beside the entry's, not after the profile.
if (session.tokens) preloadSignedIn();

/** The pages under the app layout (menu and header), in the order the features appear in the menu. */
const appPages: RouteObject[] = [
  ...workbenchRoutes,
  ...allianceRoutes,
  ...organizationRoutes,
  ...userRoutes,
  ...registryTransferRoutes,
  ...auditRoutes,
  ...tenantRoutes,
  ...backupRoutes,
  ...notificationRoutes,
  ...serviceRequestRoutes,
  ...meetingRoutes,
  ...actionItemRoutes,
  ...venueRoutes,
  ...studyRouteRoutes,
  ...pairingRoutes,
  ...thinkTankRoutes,
  ...resourceSharingRoutes,
  ...projectCallRoutes,
  ...typicalCaseRoutes,
  ...indicatorRoutes,
  ...dashboardRoutes,
  ...ledgerRoutes,
];

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
      ...loginRoutes,
      {
        // Every page but the login page, under antd's App.
        element: <AntAppOutlet />,
        children: [
          ...invitationRoutes,
          ...publicShowcaseRoutes,
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
                children: [...appPages, { path: '*', element: <NotFoundPage /> }],
              },
            ],
          },
        ],
      },
    ],
  },
]);
