import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../lib/PageLoading';
import { useMe } from '../features/auth/api';
import { useTokens } from '../lib/session';

/** Renders children only for a signed-in user whose profile has loaded. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const tokens = useTokens();
  const location = useLocation();
  const me = useMe();

  if (!tokens) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.isPending) return <PageLoading fullPage />;
  if (me.isError) throw me.error;
  return children;
}
