import { useEffect, useMemo, useRef } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, errorMessage } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { Alert, Loading } from '../shared/Feedback';
import { Archivos } from './Archivos';
import { BloqueGestion } from './BloqueGestion';
import { BloqueMedico } from './BloqueMedico';
import { BloquePago } from './BloquePago';
import { puede } from './bloques';
import { CancelarEliminar } from './CancelarEliminar';
import { ClienteCard } from './ClienteCard';
import { Encabezado } from './Encabezado';
import { Historial } from './Historial';
import { OverridePanel } from './OverridePanel';
import { Stepper } from './Stepper';
import { useAcciones, type Acciones } from './useAcciones';
import './detalle.css';

/** While the file-worker has not given its verdict on some file, the detail is polled so the tag updates (OP-18). */
const VERIFICACION_POLL_MS = 2500;

/** Marked when the detail first renders with data: the journeys read it as the page's time to interactive. */
const MARCA_INTERACTIVO = 'cmep:detalle-interactivo';

/** `/app/solicitudes/:id` (ui.md §7.3–§7.14). Keyed by id so that forms and alerts never leak between requests. */
export function DetallePage() {
  const { id = '' } = useParams();
  return <DetalleRuta key={id} id={id} />;
}

function DetalleRuta({ id }: { id: string }) {
  const navigate = useNavigate();
  const queryKey = useMemo(() => ['solicitud', /^\d+$/.test(id) ? Number(id) : id], [id]);
  const query = useQuery({
    queryKey,
    // an answer without data is §7.3's "no data and no error" state, not a failure
    queryFn: async () => (await api.solicitud(id)) ?? null,
    refetchInterval: (q) =>
      q.state.data?.archivos.some((a) => a.estado_verificacion === 'PENDIENTE') ? VERIFICACION_POLL_MS : false,
  });
  const acc = useAcciones(queryKey);
  const { refetch } = query;

  const volver = (
    <button type="button" className="btn btn-outline" onClick={() => navigate('/app/solicitudes')}>Volver a la lista</button>
  );

  if (query.data) return <Detalle d={query.data} acc={acc} />;
  if (query.isPending) return <Loading text="Cargando solicitud..." />;
  if (query.isError) {
    const noEncontrada = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <Alert kind="error">{noEncontrada ? 'Solicitud no encontrada.' : errorMessage(query.error, 'Error al cargar solicitud')}</Alert>
        {volver}
      </>
    );
  }
  return (
    <Alert kind="warning">
      <p>No se pudo cargar la solicitud.</p>
      <div className="btn-row">
        <button type="button" className="btn btn-primary" onClick={() => void refetch()}>Reintentar</button>
        {volver}
      </div>
    </Alert>
  );
}

function Detalle({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const alerta = useRef<HTMLDivElement>(null);

  useEffect(() => {
    performance.mark(MARCA_INTERACTIVO);
  }, []);

  // the alert sits under the stepper, far from a form at the bottom of the page: bring it into view
  useEffect(() => {
    if (acc.error) alerta.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [acc.error]);

  return (
    <div className="detalle">
      <Encabezado d={d} />
      <Stepper estado={d.estado_operativo} />
      <div ref={alerta}>
        {acc.error && <Alert kind="error">{acc.error}</Alert>}
        {d.estado_operativo === 'CANCELADO' && d.motivo_cancelacion && (
          <Alert kind="warning"><strong>Motivo de cancelacion:</strong> {d.motivo_cancelacion}</Alert>
        )}
      </div>
      <CancelarEliminar d={d} acc={acc} />
      <ClienteCard d={d} acc={acc} />
      <BloqueGestion d={d} acc={acc} />
      <BloquePago d={d} acc={acc} />
      <BloqueMedico d={d} acc={acc} />
      {puede(d, 'OVERRIDE') && <OverridePanel d={d} acc={acc} />}
      <Archivos d={d} acc={acc} />
      <Historial items={d.historial} />
    </div>
  );
}
