import type { EstadoOperativo } from '../api/types';

export type EstadoNodo = 'completed' | 'current' | 'pending';

export interface NodoStepper {
  numero: number;
  label: string;
  descripcion: string;
  estado: EstadoNodo;
}

const NODOS: { label: string; descripcion: string; estado: EstadoOperativo }[] = [
  { label: 'Registrado', descripcion: 'Solicitud creada. Falta asignar un gestor.', estado: 'REGISTRADO' },
  { label: 'Gestor asignado', descripcion: 'Gestor asignado. Falta registrar el pago.', estado: 'ASIGNADO_GESTOR' },
  { label: 'Pagado', descripcion: 'Pago registrado. Falta asignar un medico.', estado: 'PAGADO' },
  { label: 'Medico asignado', descripcion: 'Medico asignado. Pendiente de evaluacion y cierre.', estado: 'ASIGNADO_MEDICO' },
  { label: 'Cerrado', descripcion: 'Solicitud completada y cerrada.', estado: 'CERRADO' },
];

/** The five workflow nodes for a state (ui.md §7.4): CERRADO completes all (OP-10), CANCELADO leaves all pending. */
export function nodosStepper(estado: EstadoOperativo): NodoStepper[] {
  const actual = estado === 'CERRADO' ? NODOS.length : NODOS.findIndex((n) => n.estado === estado);
  return NODOS.map((nodo, i) => ({
    numero: i + 1,
    label: nodo.label,
    descripcion: nodo.descripcion,
    estado: actual < 0 || i > actual ? 'pending' : i < actual ? 'completed' : 'current',
  }));
}
