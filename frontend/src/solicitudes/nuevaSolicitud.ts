import type { NuevaSolicitud, PersonaInput, PromotorInput, TipoDocumento, TipoPromotor } from '../api/types';
import { clean } from '../shared/format';

export interface PersonaForm {
  tipo_documento: TipoDocumento;
  numero_documento: string;
  nombres: string;
  apellidos: string;
  celular: string;
  email: string;
  fecha_nacimiento: string;
  direccion: string;
}

export const personaVacia = (): PersonaForm => ({
  tipo_documento: 'DNI', numero_documento: '', nombres: '', apellidos: '', celular: '', email: '', fecha_nacimiento: '', direccion: '',
});

export type OpcionPromotor = 'ninguno' | 'existente' | 'nuevo';

export interface PromotorForm {
  tipo_promotor: TipoPromotor;
  nombres: string;
  apellidos: string;
  tipo_documento: TipoDocumento;
  numero_documento: string;
  razon_social: string;
  nombre_promotor_otros: string;
  ruc: string;
  email: string;
  celular_1: string;
  fuente_promotor: string;
}

export const promotorVacio = (): PromotorForm => ({
  tipo_promotor: 'PERSONA', nombres: '', apellidos: '', tipo_documento: 'DNI', numero_documento: '', razon_social: '',
  nombre_promotor_otros: '', ruc: '', email: '', celular_1: '', fuente_promotor: '',
});

export interface SolicitudForm {
  cliente: PersonaForm;
  incluirApoderado: boolean;
  apoderado: PersonaForm;
  opcionPromotor: OpcionPromotor;
  promotorId: string;
  promotor: PromotorForm;
  servicioId: string;
  /** How many services exist: the service is required only when there is a choice to make (OP-15). */
  serviciosDisponibles: number;
  comentario: string;
}

export type Construccion = { body: NuevaSolicitud } | { error: string };

const incompleta = (p: PersonaForm) => !p.numero_documento.trim() || !p.nombres.trim() || !p.apellidos.trim();

function persona(p: PersonaForm): PersonaInput {
  return {
    tipo_documento: p.tipo_documento,
    numero_documento: p.numero_documento.trim(),
    nombres: p.nombres.trim(),
    apellidos: p.apellidos.trim(),
    celular: clean(p.celular),
    email: clean(p.email),
    fecha_nacimiento: clean(p.fecha_nacimiento),
    direccion: clean(p.direccion),
  };
}

function promotor(p: PromotorForm): PromotorInput {
  const comunes = {
    tipo_promotor: p.tipo_promotor,
    ruc: clean(p.ruc), email: clean(p.email), celular_1: clean(p.celular_1), fuente_promotor: clean(p.fuente_promotor),
  };
  switch (p.tipo_promotor) {
    case 'PERSONA': {
      const numero = clean(p.numero_documento);
      return {
        ...comunes, nombres: clean(p.nombres), apellidos: clean(p.apellidos),
        ...(numero ? { tipo_documento: p.tipo_documento, numero_documento: numero } : {}),
      };
    }
    case 'EMPRESA':
      return { ...comunes, razon_social: clean(p.razon_social) };
    case 'OTROS':
      return { ...comunes, nombre_promotor_otros: clean(p.nombre_promotor_otros) };
  }
}

/** The POST /solicitudes body of the form, or the message that stops it being sent (ui.md §7.2). */
export function construirSolicitud(form: SolicitudForm): Construccion {
  if (incompleta(form.cliente)) return { error: 'Complete los datos obligatorios del cliente.' };
  if (form.incluirApoderado && incompleta(form.apoderado)) return { error: 'Complete los datos obligatorios del apoderado.' };
  if (form.serviciosDisponibles > 1 && !form.servicioId) return { error: 'Seleccione un servicio.' };
  const body: NuevaSolicitud = { cliente: persona(form.cliente) };
  if (form.incluirApoderado) body.apoderado = persona(form.apoderado);
  if (form.opcionPromotor === 'existente' && form.promotorId) body.promotor_id = Number(form.promotorId);
  if (form.opcionPromotor === 'nuevo') body.promotor = promotor(form.promotor);
  if (form.servicioId) body.servicio_id = Number(form.servicioId);
  const comentario = clean(form.comentario);
  if (comentario) body.comentario = comentario;
  return { body: JSON.parse(JSON.stringify(body)) as NuevaSolicitud };
}
