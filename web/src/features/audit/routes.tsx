import type { RouteObject } from 'react-router';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const AuditLogPage = lazyPage(() => import('./AuditLogPage'), 'AuditLogPage');

/** The audit log, for officials, under the app layout. */
export const auditRoutes: RouteObject[] = [
  {
    path: 'audit-log',
    element: (
      <RequireRole roles={['township_admin']}>
        <AuditLogPage />
      </RequireRole>
    ),
  },
];
