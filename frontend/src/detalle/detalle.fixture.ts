import type { Accion, Asignacion, EstadoOperativo, SolicitudDetail } from '../api/types';

export const GESTOR: Asignacion = { persona_id: 3, nombre: 'Carlos Gestor', rol: 'GESTOR' };
export const MEDICO: Asignacion = { persona_id: 4, nombre: 'Maria Medico', rol: 'MEDICO' };

export const PAGO = {
  pago_id: 7, canal_pago: 'YAPE', fecha_pago: '2026-01-29', monto: '200.00', moneda: 'PEN' as const,
  referencia_transaccion: 'OP-1', comentario: null, validated_at: '2026-01-29T15:02:11Z',
};

/** A request detail for tests, in the shape the API answers; `over` replaces any field. */
export function detalle(over: Partial<SolicitudDetail> = {}): SolicitudDetail {
  return {
    solicitud_id: 12,
    codigo: 'CMEP-2026-0012',
    cliente: {
      persona_id: 31, tipo_documento: 'DNI', numero_documento: '45678912', doc: 'DNI 45678912', nombre: 'Rosa Quispe',
      celular: '987654321', email: 'rosa@example.com', fecha_nacimiento: '1980-05-14', direccion: 'Av. Sol 123',
    },
    apoderado: null,
    servicio: { servicio_id: 1, descripcion: 'Certificado medico', tarifa: '200.00', moneda: 'PEN' },
    estado_atencion: 'REGISTRADO',
    estado_pago: 'PENDIENTE',
    estado_certificado: null,
    tarifa_monto: '200.00',
    tarifa_moneda: 'PEN',
    tipo_atencion: null,
    lugar_atencion: null,
    comentario: null,
    estado_operativo: 'REGISTRADO',
    acciones_permitidas: ['ASIGNAR_GESTOR', 'CAMBIAR_GESTOR', 'CAMBIAR_MEDICO', 'CANCELAR', 'EDITAR_DATOS'],
    asignaciones_vigentes: { GESTOR: null, MEDICO: null },
    promotor: null,
    pagos: [],
    archivos: [],
    historial: [],
    motivo_cancelacion: null,
    fecha_cierre: null,
    cerrado_por: null,
    fecha_cancelacion: null,
    cancelado_por: null,
    comentario_admin: null,
    created_at: '2026-01-29T14:00:03Z',
    updated_at: null,
    ...over,
  };
}

const BASE: Accion[] = ['CAMBIAR_GESTOR', 'CAMBIAR_MEDICO', 'CANCELAR', 'EDITAR_DATOS'];

/** The request as it stands at each state of the happy path, with the default policy of the given role. */
export function enEstado(estado: EstadoOperativo, extra: Accion[] = [], over: Partial<SolicitudDetail> = {}): SolicitudDetail {
  const conGestor = estado !== 'REGISTRADO';
  const pagado = ['PAGADO', 'ASIGNADO_MEDICO', 'CERRADO'].includes(estado);
  const conMedico = estado === 'ASIGNADO_MEDICO' || estado === 'CERRADO';
  const terminal = estado === 'CERRADO' || estado === 'CANCELADO';
  return detalle({
    estado_operativo: estado,
    estado_pago: pagado ? 'PAGADO' : 'PENDIENTE',
    estado_atencion: estado === 'CERRADO' ? 'ATENDIDO' : estado === 'CANCELADO' ? 'CANCELADO' : 'REGISTRADO',
    asignaciones_vigentes: { GESTOR: conGestor && estado !== 'CANCELADO' ? GESTOR : null, MEDICO: conMedico ? MEDICO : null },
    pagos: pagado ? [PAGO] : [],
    acciones_permitidas: [...(terminal ? [] : BASE), ...extra].sort(),
    ...over,
  });
}
