import type { SolicitudDetail } from '../api/types';

type Datos = Pick<SolicitudDetail, 'asignaciones_vigentes' | 'tipo_atencion' | 'pagos' | 'estado_certificado'>;

/** What the request still lacks before it can be closed (ui.md §7.10), in the order users read it. */
export function faltantesCierre(d: Datos): string[] {
  const faltan: string[] = [];
  if (!d.asignaciones_vigentes.GESTOR) faltan.push('Gestor asignado');
  if (!d.tipo_atencion) faltan.push('Tipo de atencion');
  if (d.pagos.length === 0) faltan.push('Al menos 1 pago registrado');
  if (!d.asignaciones_vigentes.MEDICO) faltan.push('Medico asignado');
  if (!d.estado_certificado) faltan.push('Estado de certificado');
  return faltan;
}
