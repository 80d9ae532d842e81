import type { EstadoOperativo } from '../api/types';
import { nodosStepper, type EstadoNodo } from './stepper';

const ESTADO_TEXTO: Record<EstadoNodo, string> = { completed: 'completado', current: 'actual', pending: 'pendiente' };

export function Stepper({ estado }: { estado: EstadoOperativo }) {
  const nodos = nodosStepper(estado);
  return (
    <div className="stepper-wrap">
      <ol className="stepper" aria-label="Flujo de la solicitud">
        {nodos.map((nodo) => (
          <li key={nodo.numero} className={`step step-${nodo.estado}`} aria-current={nodo.estado === 'current' ? 'step' : undefined}>
            <span className="step-circle" aria-hidden="true">{nodo.estado === 'completed' ? '✓' : nodo.numero}</span>
            <span className="step-text">
              <span className="step-label">{nodo.label}</span>
              <span className="sr-only"> ({ESTADO_TEXTO[nodo.estado]})</span>
              <span className="step-desc">{nodo.descripcion}</span>
            </span>
          </li>
        ))}
      </ol>
      {estado === 'CANCELADO' && <div className="cancelada-banner">CANCELADA — Solicitud cancelada.</div>}
    </div>
  );
}
