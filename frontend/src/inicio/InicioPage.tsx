import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useUser } from '../auth/AuthProvider';
import { EstadoBadge } from '../shared/EstadoBadge';
import { Loading } from '../shared/Feedback';
import { formatDate } from '../shared/format';
import { accionesRapidas, DESCRIPCION_ROL } from './acciones';
import { SolicitudRow } from '../solicitudes/SolicitudRow';

export function InicioPage() {
  const user = useUser();
  const navigate = useNavigate();
  const recientes = useQuery({
    queryKey: ['solicitudes', 'mine', user.user_id],
    queryFn: () => api.solicitudes({ mine: true, page_size: 10 }),
    retry: false,
  });
  const items = recientes.data?.items ?? [];

  return (
    <div className="inicio">
      <section className="welcome">
        <h1>Bienvenido, {user.display_name}</h1>
        <p>Sistema CMEP — Gestion de Certificados Medicos de Salud Mental.</p>
      </section>

      <section className="roles-box" aria-label="Tus roles">
        {user.roles.map((rol) => <p key={rol}><strong>{rol}:</strong> {DESCRIPCION_ROL[rol]}</p>)}
      </section>

      <nav className="quick-actions" aria-label="Acciones rapidas">
        {accionesRapidas(user.roles).map((a) => (
          <button key={a.to} type="button" className="btn btn-outline" onClick={() => navigate(a.to)}>{a.label}</button>
        ))}
      </nav>

      <h2>Tus solicitudes recientes</h2>
      {recientes.isPending ? <Loading /> : items.length === 0 ? (
        <p className="muted italic">No tienes solicitudes activas por el momento.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th>Codigo</th><th>Cliente</th><th>Estado</th><th>Fecha</th></tr></thead>
              <tbody>
                {items.map((s) => (
                  <SolicitudRow key={s.solicitud_id} id={s.solicitud_id}>
                    <td>{s.codigo ?? `#${s.solicitud_id}`}</td>
                    <td>{s.cliente.nombre}</td>
                    <td><EstadoBadge estado={s.estado_operativo} /></td>
                    <td>{formatDate(s.created_at)}</td>
                  </SolicitudRow>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="btn btn-link" onClick={() => navigate('/app/solicitudes')}>
            Ver todas las solicitudes
          </button>
        </>
      )}
    </div>
  );
}
