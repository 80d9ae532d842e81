import { useNavigate } from 'react-router-dom';
import type { SolicitudDetail } from '../api/types';
import { EstadoBadge } from '../shared/EstadoBadge';
import { formatDateTime } from '../shared/format';

export function Encabezado({ d }: { d: SolicitudDetail }) {
  const navigate = useNavigate();
  return (
    <header className="detalle-header">
      <button type="button" className="btn btn-link" onClick={() => navigate('/app/solicitudes')}>← Volver a solicitudes</button>
      <div className="detalle-titulo">
        <h1>{d.codigo ?? `Solicitud #${d.solicitud_id}`}</h1>
        <EstadoBadge estado={d.estado_operativo} />
        <span className="detalle-cliente">{d.cliente.nombre} ({d.cliente.doc})</span>
        {d.promotor && <span className="muted">| Promotor: {d.promotor.nombre}</span>}
        <span className="detalle-fecha muted small">{formatDateTime(d.created_at)}</span>
      </div>
    </header>
  );
}
