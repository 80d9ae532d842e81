import type { EstadoOperativo } from '../api/types';

/**
 * ui.md §2.5's colours, except CERRADO: its teal #0d9488 gives white badge text a contrast of 3.7:1, under WCAG AA's
 * 4.5:1 for small text, so the badge uses the same hue one shade darker (#0f766e, 5.5:1).
 */
const ESTADO_COLOR: Record<EstadoOperativo, string> = {
  REGISTRADO: '#6c757d',
  ASIGNADO_GESTOR: '#0d6efd',
  PAGADO: '#198754',
  ASIGNADO_MEDICO: '#6f42c1',
  CERRADO: '#0f766e',
  CANCELADO: '#6c757d',
};

/** A state code as users read it: `ASIGNADO_GESTOR` → `ASIGNADO GESTOR` (ui.md §2.5, OP-9). */
export function estadoLabel(estado: string): string {
  return estado.replace(/_/g, ' ');
}

export function estadoColor(estado: string): string {
  return ESTADO_COLOR[estado as EstadoOperativo] ?? '#6c757d';
}
