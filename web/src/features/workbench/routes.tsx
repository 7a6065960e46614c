import type { RouteObject } from 'react-router';
import { HomePage, HomeRedirect } from '../../shell/lazyShell';

/** Each person's workbench is their home page; `/` sends them to it. */
export const workbenchRoutes: RouteObject[] = [
  { index: true, element: <HomeRedirect /> },
  { path: 'home', element: <HomePage /> },
];
