import type { ReactNode } from 'react';
import { lazyPage } from '../lib/lazyPage';
import type { Role } from '../lib/options';
import { useMe } from '../features/auth/api';

// Every route is wrapped in this, so what only the refused see is loaded only when someone is.
const Forbidden = lazyPage(() => import('./StatusPage'), 'Forbidden');

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !roles.includes(me.role)) return <Forbidden />;
  return children;
}
