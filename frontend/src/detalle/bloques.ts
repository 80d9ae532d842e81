import type { Accion, SolicitudDetail } from '../api/types';
import type { AccionEndpoint } from '../api/client';

/** Colour of a workflow block (ui.md §7.7): presentation only, never a permission. */
export type EstadoVisual = 'completed' | 'in_progress' | 'pending' | 'blocked';

type Datos = Pick<SolicitudDetail, 'estado_operativo' | 'estado_pago' | 'asignaciones_vigentes' | 'acciones_permitidas'>;

export function puede(d: Pick<SolicitudDetail, 'acciones_permitidas'>, ...acciones: Accion[]): boolean {
  return acciones.some((a) => d.acciones_permitidas.includes(a));
}

export function esTerminal(d: Pick<SolicitudDetail, 'estado_operativo'>): boolean {
  return d.estado_operativo === 'CERRADO' || d.estado_operativo === 'CANCELADO';
}

const tieneGestor = (d: Datos) => d.asignaciones_vigentes.GESTOR !== null;
const tieneMedico = (d: Datos) => d.asignaciones_vigentes.MEDICO !== null;
const pagado = (d: Datos) => d.estado_pago === 'PAGADO';
const cancelado = (d: Datos) => d.estado_operativo === 'CANCELADO';

/** Block A `Gestion administrativa` (§7.8). */
export function estadoGestion(d: Datos): EstadoVisual {
  if (cancelado(d)) return tieneGestor(d) ? 'completed' : 'pending';
  return tieneGestor(d) ? 'completed' : 'in_progress';
}

/** Block B `Pago` (§7.9). */
export function estadoPago(d: Datos): EstadoVisual {
  if (cancelado(d)) return pagado(d) ? 'completed' : 'pending';
  if (pagado(d)) return 'completed';
  return tieneGestor(d) ? 'in_progress' : 'blocked';
}

/** Block C `Evaluacion medica` (§7.10). */
export function estadoMedico(d: Datos): EstadoVisual {
  if (cancelado(d)) return tieneMedico(d) ? 'completed' : 'pending';
  if (d.estado_operativo === 'CERRADO') return 'completed';
  if (tieneMedico(d)) return 'in_progress';
  return tieneGestor(d) ? 'pending' : 'blocked';
}

/** A workflow button: whether it is enabled, and the grey helper under it when it is not. */
export interface Boton {
  label: string;
  habilitado: boolean;
  ayuda: string | null;
}

function boton(label: string, habilitado: boolean, ayuda: string): Boton {
  return { label, habilitado, ayuda: habilitado ? null : ayuda };
}

export function botonGestor(d: Datos): Boton {
  return boton(
    tieneGestor(d) ? 'Cambiar gestor' : 'Asignar gestor',
    puede(d, 'ASIGNAR_GESTOR', 'CAMBIAR_GESTOR'),
    esTerminal(d) ? 'Solicitud finalizada.' : 'No disponible en este momento.',
  );
}

export function botonPago(d: Datos): Boton {
  let ayuda = 'No disponible en este momento.';
  if (estadoPago(d) === 'blocked') ayuda = 'Disponible cuando se asigne un gestor.';
  else if (pagado(d)) ayuda = 'Pago ya registrado.';
  else if (esTerminal(d)) ayuda = 'Solicitud finalizada.';
  return boton('Registrar pago', puede(d, 'REGISTRAR_PAGO'), ayuda);
}

/** The doctor is only assigned once paid (OP-4), whatever the policy grants. */
export function botonMedico(d: Datos): Boton {
  let ayuda = 'No disponible.';
  if (esTerminal(d)) ayuda = 'Solicitud finalizada.';
  else if (!pagado(d)) ayuda = 'Requiere pago registrado.';
  return boton(
    tieneMedico(d) ? 'Cambiar medico' : 'Asignar medico',
    puede(d, 'ASIGNAR_MEDICO', 'CAMBIAR_MEDICO') && pagado(d),
    ayuda,
  );
}

export function botonCerrar(d: Datos): Boton {
  let ayuda = 'No disponible en este momento.';
  if (d.estado_operativo === 'CERRADO') ayuda = 'Ya cerrada.';
  else if (cancelado(d)) ayuda = 'Solicitud cancelada.';
  return boton('Cerrar solicitud', puede(d, 'CERRAR'), ayuda);
}

/** Right-aligned helper on Block C's title line. */
export function ayudaTituloMedico(d: Datos): string | null {
  const estado = estadoMedico(d);
  if (estado === 'blocked') return 'Disponible cuando se asigne un gestor.';
  if (estado === 'pending' && !tieneMedico(d)) return 'Falta asignar un medico.';
  return null;
}

/** The `Estado certificado` select (§7.10). */
export function selectorCertificado(d: Datos): { habilitado: boolean; ayuda: string | null } {
  const estado = estadoMedico(d);
  const esperando = estado === 'blocked' || estado === 'pending';
  return {
    habilitado: !esperando && !esTerminal(d) && puede(d, 'EDITAR_DATOS'),
    ayuda: esperando ? 'Disponible cuando el pago este registrado y el medico asignado.' : null,
  };
}

/** OP-5: `asignar-*` only for an empty slot whose ASIGNAR_* is allowed, otherwise `cambiar-*`. */
export function endpointAsignacion(d: Datos, rol: 'GESTOR' | 'MEDICO'): AccionEndpoint {
  const vacio = d.asignaciones_vigentes[rol] === null;
  if (rol === 'GESTOR') return vacio && puede(d, 'ASIGNAR_GESTOR') ? 'asignar-gestor' : 'cambiar-gestor';
  return vacio && puede(d, 'ASIGNAR_MEDICO') ? 'asignar-medico' : 'cambiar-medico';
}
