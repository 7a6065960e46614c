import type { RouteObject } from 'react-router';
import { TENANT_ROLES } from '../../lib/options';
import { RequireRole } from '../../shell/RequireRole';
import { lazyPage } from '../../lib/lazyPage';

const ActionItemsPage = lazyPage(() => import('./ActionItemsPage'), 'ActionItemsPage');

/** 议定事项: the board, under the app layout (spread into the router's children). */
export const actionItemRoutes: RouteObject[] = [
  { path: 'action-items', element: <RequireRole roles={TENANT_ROLES}>{<ActionItemsPage />}</RequireRole> },
];
