import { Navigate, Outlet } from 'react-router-dom';
import { useAuth } from './AuthProvider';
import { FullScreenLoading } from '../shared/Feedback';

export function RequireAuth() {
  const { user } = useAuth();
  if (user === undefined) return <FullScreenLoading />;
  if (user === null) return <Navigate to="/login" replace />;
  return <Outlet />;
}
