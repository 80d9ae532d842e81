import type { NuevaSolicitud, PersonaInput, PromotorInput, TipoDocumento } from '../api/types';
import { emptyPromotorForm, promotorBody, type PromotorForm } from '../promotores/promotorForm';
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

/** The inline new promoter: the promoters page's form, with `Tipo doc` preset (ui.md §7.2). */
export const promotorVacio = (): PromotorForm => ({ ...emptyPromotorForm(), tipo_documento: 'DNI' });

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

/** As POST /promotores takes it; the preset document type goes only with a typed number. */
function promotor(p: PromotorForm): PromotorInput {
  const body = promotorBody(p);
  if (!body.numero_documento) delete body.tipo_documento;
  return body;
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
