import { Navigate } from 'react-router';
import { useMe } from '../features/auth/api';
import { homePathFor } from './navigation';

export function HomeRedirect() {
  const { data: me } = useMe();
  return <Navigate to={me ? homePathFor(me.role) : '/login'} replace />;
}
