import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lib/lazyPage';

const AcceptInvitationPage = lazyPage(() => import('./AcceptInvitationPage'), 'AcceptInvitationPage');
const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');

/** The login page, on its own (outside antd's App, which it does not need). */
export const loginRoutes: RouteObject[] = [{ path: '/login', element: <LoginPage /> }];

/** Accepting an invitation: signed out, without the app layout. */
export const invitationRoutes: RouteObject[] = [{ path: '/accept-invitation', element: <AcceptInvitationPage /> }];
