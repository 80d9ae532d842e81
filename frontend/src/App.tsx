import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { FullScreenLoading, Loading } from './shared/Feedback';
import { LoginPage } from './auth/LoginPage';
import { StatusPage } from './status/StatusPage';
import { InicioPage } from './inicio/InicioPage';
import { ListaPage } from './solicitudes/ListaPage';
import { NuevaSolicitudPage } from './solicitudes/NuevaSolicitudPage';
import { DetallePage } from './detalle/DetallePage';
import { PromotoresPage } from './promotores/PromotoresPage';
import { UsuariosPage } from './usuarios/UsuariosPage';

// the charting library is only needed here: the page and its charts load on first visit
const ReportesPage = lazy(() => import('./reportes/ReportesPage'));

function RootRedirect() {
  const { user } = useAuth();
  if (user === undefined) return <FullScreenLoading />;
  return <Navigate to={user ? '/app' : '/login'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/status" element={<StatusPage />} />
      <Route path="/app" element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<InicioPage />} />
          <Route path="solicitudes" element={<ListaPage />} />
          <Route path="solicitudes/nueva" element={<NuevaSolicitudPage />} />
          <Route path="solicitudes/:id" element={<DetallePage />} />
          <Route path="promotores" element={<PromotoresPage />} />
          <Route path="usuarios" element={<UsuariosPage />} />
          <Route path="reportes-admin" element={
            <Suspense fallback={<Loading text="Cargando reportes..." />}><ReportesPage /></Suspense>
          } />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
