import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { TENANT_ROLES } from '../../lib/options';
import { lazyPage } from '../../lib/lazyPage';

const DeliveriesPage = lazyPage(() => import('./DeliveriesPage'), 'DeliveriesPage');
const NotificationCenterPage = lazyPage(() => import('./NotificationCenterPage'), 'NotificationCenterPage');
const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');
const PreferencesPage = lazyPage(() => import('./PreferencesPage'), 'PreferencesPage');

/** Everyone's notifications and preferences, the township's channels, the platform's deliveries. */
export const notificationRoutes: RouteObject[] = [
  { path: 'notifications', element: <NotificationsPage /> },
  {
    path: 'settings/notifications',
    element: (
      <RequireRole roles={TENANT_ROLES}>
        <PreferencesPage />
      </RequireRole>
    ),
  },
  {
    path: 'settings/notification-center',
    element: (
      <RequireRole roles={['township_admin']}>
        <NotificationCenterPage />
      </RequireRole>
    ),
  },
  {
    path: 'notification-deliveries',
    element: (
      <RequireRole roles={['platform_admin']}>
        <DeliveriesPage />
      </RequireRole>
    ),
  },
];
