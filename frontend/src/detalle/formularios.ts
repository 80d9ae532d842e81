import type { Moneda, SolicitudDetail } from '../api/types';
import { clean, todayLocal } from '../shared/format';

/**
 * The fields whose trimmed value differs from what the form started with. Blank means "unchanged" (OP-13):
 * a field emptied by the user is not sent, so the edit forms cannot clear a value.
 */
export function cambiados<K extends string>(inicial: Record<K, string>, actual: Record<K, string>): Partial<Record<K, string>> {
  const cambios: Partial<Record<K, string>> = {};
  for (const key of Object.keys(actual) as K[]) {
    const valor = clean(actual[key]);
    if (valor !== undefined && valor !== clean(inicial[key])) cambios[key] = valor;
  }
  return cambios;
}

export type DatosCampo =
  | 'cliente_nombres' | 'cliente_apellidos' | 'cliente_celular' | 'cliente_email' | 'cliente_fecha_nacimiento'
  | 'cliente_direccion' | 'apoderado_nombres' | 'apoderado_apellidos' | 'apoderado_celular' | 'apoderado_email'
  | 'apoderado_fecha_nacimiento' | 'apoderado_direccion' | 'comentario';
export type DatosForm = Record<DatosCampo, string>;

/** `Editar datos` (ui.md §7.6): names and the client's e-mail start empty (their placeholders show the current value). */
export function datosIniciales(d: Pick<SolicitudDetail, 'cliente' | 'apoderado' | 'comentario'>): DatosForm {
  const a = d.apoderado;
  return {
    cliente_nombres: '',
    cliente_apellidos: '',
    cliente_celular: d.cliente.celular ?? '',
    cliente_email: '',
    cliente_fecha_nacimiento: d.cliente.fecha_nacimiento ?? '',
    cliente_direccion: d.cliente.direccion ?? '',
    apoderado_nombres: '',
    apoderado_apellidos: '',
    apoderado_celular: a?.celular_1 ?? '',
    apoderado_email: a?.email ?? '',
    apoderado_fecha_nacimiento: a?.fecha_nacimiento ?? '',
    apoderado_direccion: a?.direccion ?? '',
    comentario: d.comentario ?? '',
  };
}

export type TipoLugarForm = Record<'tipo_atencion' | 'lugar_atencion', string>;

export const TIPOS_ATENCION = ['VIRTUAL', 'PRESENCIAL'] as const;
export const ESTADOS_CERTIFICADO = ['APROBADO', 'OBSERVADO'] as const;
export type EstadoCertificado = typeof ESTADOS_CERTIFICADO[number];

export function esEstadoCertificado(valor: string): valor is EstadoCertificado {
  return (ESTADOS_CERTIFICADO as readonly string[]).includes(valor);
}

export function tipoLugarInicial(d: Pick<SolicitudDetail, 'tipo_atencion' | 'lugar_atencion'>): TipoLugarForm {
  return { tipo_atencion: d.tipo_atencion ?? '', lugar_atencion: d.lugar_atencion ?? '' };
}

export interface PagoForm {
  canal_pago: string;
  fecha_pago: string;
  monto: string;
  moneda: Moneda;
  referencia_transaccion: string;
  comentario: string;
}

export const CANALES_PAGO = ['YAPE', 'PLIN', 'TRANSFERENCIA', 'EFECTIVO'];

export function pagoInicial(hoy: string = todayLocal()): PagoForm {
  return { canal_pago: 'YAPE', fecha_pago: hoy, monto: '', moneda: 'PEN', referencia_transaccion: '', comentario: '' };
}

export function pagoCompleto(p: PagoForm): boolean {
  return p.monto.trim() !== '' && p.fecha_pago !== '';
}

/** The `registrar-pago` body: `monto` as a number, empty optional texts left out. */
export function pagoPayload(p: PagoForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    canal_pago: p.canal_pago, fecha_pago: p.fecha_pago, monto: Number(p.monto), moneda: p.moneda,
  };
  const referencia = clean(p.referencia_transaccion);
  const comentario = clean(p.comentario);
  if (referencia) body.referencia_transaccion = referencia;
  if (comentario) body.comentario = comentario;
  return body;
}

/** `{ comentario }` of cerrar/cancelar, or `{}` when the optional text is blank. */
export function comentarioBody(texto: string): Record<string, unknown> {
  const comentario = clean(texto);
  return comentario ? { comentario } : {};
}

export const OVERRIDE_ACCIONES = ['EDITAR_DATOS', 'CAMBIAR_GESTOR', 'CAMBIAR_MEDICO', 'REGISTRAR_PAGO', 'CERRAR', 'CANCELAR'] as const;
export type OverrideAccion = typeof OVERRIDE_ACCIONES[number];

export type OverrideDatosCampo = 'tipo_atencion' | 'lugar_atencion' | 'comentario' | 'servicio_id' | 'estado_certificado';
export type OverrideDatosForm = Record<OverrideDatosCampo, string>;

/** Only the solicitud-level fields the API applies in an override EDITAR_DATOS (OP-1). */
export function overrideDatosIniciales(
  d: Pick<SolicitudDetail, 'tipo_atencion' | 'lugar_atencion' | 'comentario' | 'servicio' | 'estado_certificado'>,
): OverrideDatosForm {
  return {
    tipo_atencion: d.tipo_atencion ?? '',
    lugar_atencion: d.lugar_atencion ?? '',
    comentario: d.comentario ?? '',
    servicio_id: d.servicio ? String(d.servicio.servicio_id) : '',
    estado_certificado: d.estado_certificado ?? '',
  };
}

export function overrideDatosPayload(inicial: OverrideDatosForm, actual: OverrideDatosForm): Record<string, unknown> {
  const cambios: Record<string, unknown> = cambiados(inicial, actual);
  if (typeof cambios.servicio_id === 'string') cambios.servicio_id = Number(cambios.servicio_id);
  return cambios;
}

export function overrideBody(motivo: string, accion: OverrideAccion, payload: Record<string, unknown>) {
  return { motivo: motivo.trim(), accion, payload };
}
